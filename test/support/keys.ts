/** The secret and personal-data key of test apps (createTestApp) and of the demo data they load. */
export const TEST_KEYS = { secret: 'x'.repeat(64), encryptionKey: 'ab'.repeat(32) } as const;
