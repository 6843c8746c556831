// Every page of the console: its path (":name" takes one segment) and the module that draws it. A page module exports
// `render(main, context)`, answering the page's title, and `may`, what a role needs to see it (roles.js); a page
// without `may` is open to anyone signed in, and `signedOut` pages to anyone at all.

export const routes = [
  { path: '/sign-in', page: () => import('./pages/sign-in.js') },
  { path: '/sign-out', page: () => import('./pages/sign-out.js') },
  { path: '/', page: () => import('./pages/overview.js') },
  // Jobs: the list, raising one (before ":jobId", which would match "new"), and a job's page.
  { path: '/jobs', page: () => import('./pages/jobs.js') },
  { path: '/jobs/new', page: () => import('./pages/job-new.js') },
  { path: '/jobs/:jobId', page: () => import('./pages/job.js') },
  // Suppliers and spend: each supplier's on-time record against its contracts' thresholds, and what was paid.
  { path: '/suppliers', page: () => import('./pages/suppliers.js') },
  { path: '/suppliers/:supplierId', page: () => import('./pages/supplier.js') },
  { path: '/spend', page: () => import('./pages/spend.js') },
  // Payments and bank-detail changes, fee statements, and the ledger with receipts checked in the browser.
  { path: '/payments', page: () => import('./pages/payments.js') },
  { path: '/payments/:batchId', page: () => import('./pages/payment-batch.js') },
  { path: '/fee-statements', page: () => import('./pages/fee-statements.js') },
  { path: '/ledger', page: () => import('./pages/ledger.js') },
  { path: '/ledger/receipt-check', page: () => import('./pages/receipt-check.js') },
  { path: '/ledger/receipts/:eventId', page: () => import('./pages/receipt.js') },
];

/** The service navigation, in order; an item shows only to a role that may see its page. */
export const navigation = [
  { href: '/jobs', text: 'Jobs', may: 'readJobs' },
  { href: '/suppliers', text: 'Suppliers', may: 'readSuppliers' },
  { href: '/spend', text: 'Spend', may: 'readSpend' },
  { href: '/payments', text: 'Payments', may: 'readPayments' },
  { href: '/fee-statements', text: 'Fee statements', may: 'readFeeStatements' },
  { href: '/ledger', text: 'Ledger', may: 'readLedger' },
];

/** The route matching `pathname`, with the values of its ":name" segments; null when none does. */
export function match(pathname) {
  const segments = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const values = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        values[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      }

      return part === segments[i];
    });
    if (matches) return { route, values };
  }

  return null;
}
