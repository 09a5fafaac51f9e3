/**
 * Local defaults so a fresh clone runs without setup. They are public (the
 * README gives them), so production configuration refuses them.
 */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
export const DEV_PSEUDONYM_SECRET = 'dev-only-pseudonym-secret-change-me';
