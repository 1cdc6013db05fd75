/**
 * Encryption at rest of what the app keeps on the device (decision 0011). One AES-GCM key per
 * signed-in user, made non-extractable: scripts can use it but never read it out. Each record is
 * bound to its own id (additional data), so a payload copied onto another record does not decrypt.
 */
export type Sealed = { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };

export function createKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function seal(key: CryptoKey, recordId: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(recordId) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

export async function open<T>(key: CryptoKey, recordId: string, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(recordId) },
    key,
    sealed.data,
  );
  return JSON.parse(decoder.decode(plain)) as T;
}
