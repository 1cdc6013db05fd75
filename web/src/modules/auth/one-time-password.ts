/**
 * The one-time password typed at sign-in, kept in memory only until the new password is chosen,
 * so the person is not asked to type it twice. A reload forgets it; the form then asks for it.
 */
let remembered: string | null = null;

export function rememberOneTimePassword(password: string): void {
  remembered = password;
}

export function takeOneTimePassword(): string | null {
  return remembered;
}

export function forgetOneTimePassword(): void {
  remembered = null;
}
