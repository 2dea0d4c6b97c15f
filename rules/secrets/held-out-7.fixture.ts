// Shapes of the false positives found by the seventh held-out study (docs/accuracy.md), with values of our own.

// An enum member whose value is its own name in camelCase, as API generators write reasons.
export enum DeclineReason {
  // ok: secrets.generic.token-assignment
  WalletDeviceReceivingTheEncryptedCardDataIsNotTheOneThatRequestedTheToken = "walletDeviceReceivingTheEncryptedCardDataIsNotTheOneThatRequestedTheToken",
  // ruleid: secrets.generic.token-assignment
  CachedToken = 'Zq4Wx9Nm2Vb7Kt3Lp8Rc5HdYe6',
}

export const grant = {
  // A date and time under a token-named key: when it expires, not the token.
  // ok: secrets.generic.token-assignment
  token_expires_at: '2019-03-14T09:26:53.589Z',
  // ruleid: secrets.generic.token-assignment
  token: 'Kt3Lp8Rc5HdZq4Wx9Nm2Vb7Ye6',
};
