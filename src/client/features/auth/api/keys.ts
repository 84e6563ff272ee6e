/** The signed-in session: one query, refreshed by sign-in, password change and TOTP enrolment. */
export const authKeys = {
  session: ['session'] as const,
  methods: ['session', 'methods'] as const,
};
