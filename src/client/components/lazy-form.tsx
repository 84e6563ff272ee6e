import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/**
 * A form in its own chunk: react-hook-form and the form's code stay out of the first download
 * (docs/decisions/012-domain-folders-and-forms.md). The chunk is fetched right after start-up,
 * off the first render's path, so the first open does not wait for it; if it still has to, nothing
 * is drawn meanwhile and the control that opened it keeps focus until the dialog takes it.
 */
export function lazyForm<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let started: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (started ??= load().then((component) => ({ default: component })));
  setTimeout(() => void start(), 0);
  const Lazy = lazy(start);
  return function LazyForm(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}
