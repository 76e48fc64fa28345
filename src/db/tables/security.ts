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

export interface AccountChangeTable {
  id: string;
  user_id: string;
  agency_id: string;
  kind: 'grant' | 'password_reset';
  roles: string | null;
  reach: string | null;
  new_account: number;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  requested_by: string | null;
  requested_by_name: string;
  requested_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  note: string | null;
}

export interface SecurityTables {
  login_throttle: LoginThrottleTable;
  account_change: AccountChangeTable;
}
