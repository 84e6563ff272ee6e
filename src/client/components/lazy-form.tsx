import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/**
 * A form loaded when it is first shown: react-hook-form and the form's own code stay out of the
 * first download (docs/decisions/010-domain-folders-and-forms.md). Nothing is drawn meanwhile; the
 * control that opened it keeps focus until the dialog takes it.
 */
export function lazyForm<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function LazyForm(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}
