/** 1xx, 2xx and 3xx responses (and their `2XX` ranges) are what a call is for; the rest report failure. */
export function isSuccessStatus(status: string): boolean {
  return /^[123]/.test(status);
}
