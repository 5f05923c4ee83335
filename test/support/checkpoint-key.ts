// The audit checkpoint key of the test runs: one for every test file, as the test files share a database.
// A test key only: a deployment makes its own (AUDIT_CHECKPOINT_KEY_FILE).
export const checkpointKeyPair = {
  privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIEYhmtTooXf0m0mR7MjjDYlDocafxpPpU1cs6QcvzMGn\n-----END PRIVATE KEY-----\n",
  publicKeyPem: "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAmw9yGyMTGjJJ1u3v5dxiNpLXmLu1LuFq4GB/ETtc+II=\n-----END PUBLIC KEY-----\n",
} as const;
