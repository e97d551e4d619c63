import type { Hasher } from "../domain/scenario/canoniek";

/** SHA-256 with Web Crypto (task pane; also present in Node 20 as globalThis.crypto). */
export const webHasher: Hasher = {
  async sha256Hex(text) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  },
};
