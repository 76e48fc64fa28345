/** Security tables of issue 15: login throttling, changes awaiting the security administrator. */

export interface LoginThrottleTable {
  key: string;
  scope: 'user_address' | 'user' | 'address';
  username_hash: string | null;
  address: string | null;
  failures: number;
  lockouts: number;
  blocked_until: string | null;
  /** user_address rows: 1 once this address signed in to the account (exempt from the account-wide block). */
  trusted: number;
  updated_at: string;
}

export interface SecurityTables {
  login_throttle: LoginThrottleTable;
}
