// What each association role may do, as docs/api.md "Who may call what" says. The console offers only what the
// signed-in key may do; the API refuses the rest regardless.

const everyone = ['admin', 'finance', 'auditor'];

const allowed = {
  readJobs: everyone,
  raiseJobs: ['admin'],
  decideJobs: ['admin'],
  readSuppliers: everyone,
  confirmBankDetails: ['admin'],
  readSpend: everyone,
  readPayments: ['admin', 'finance'],
  readFeeStatements: ['admin', 'finance'],
  readLedger: everyone,
};

/** Whether the caller's role may do what; false for no caller. */
export const can = (caller, what) => Boolean(caller && allowed[what]?.includes(caller.role));

export const roleNames = { admin: 'Administrator', finance: 'Finance', auditor: 'Auditor (read only)' };
