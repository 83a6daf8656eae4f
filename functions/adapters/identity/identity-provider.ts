export interface NewUser {
  username: string;
  password: string;
  /**
   * Temporary passwords (accounts an admin creates) must be changed at first sign-in in Cognito;
   * applicants choose their own, permanent one.
   */
  temporary: boolean;
}

/**
 * Who someone is: the user directory that signs people in and issues their tokens. It knows
 * usernames and passwords only; names, ID numbers and roles live in the table, which decides what
 * anyone may do.
 */
export interface IdentityProvider {
  /** Answers the new user's subject, which becomes the account id. */
  createUser(user: NewUser): Promise<{ sub: string }>;
  /** Undoes a creation whose account could not be written; a missing user is not an error. */
  deleteUser(username: string): Promise<void>;
  /** Refuses sign-in and ends the user's sessions; their next request is refused by the table. */
  disableUser(username: string): Promise<void>;
  enableUser(username: string): Promise<void>;
}
