import { html } from './html.js';
import { words } from './format.js';

// What the job pages share: suppliers and contracts to choose from, and how a job's state and the marks that need
// attention read.

/** Each supplier the association holds a contract with, once, by name: [{supplierId, supplierName}]. */
export function suppliersOf(list) {
  const names = new Map(list.map((contract) => [contract.terms.supplierId, contract.supplierName ?? contract.terms.supplierId]));
  return [...names].map(([supplierId, supplierName]) => ({ supplierId, supplierName }))
    .sort((a, b) => a.supplierName.localeCompare(b.supplierName, 'en-GB'));
}

export const states = ['raised', 'accepted', 'completed', 'approved', 'disputed', 'settled', 'cancelled'];

export const priorities = ['emergency', 'urgent', 'routine'];

// A colour per state; the state's name is always in the tag too, so colour is never the only signal.
const stateColours = {
  raised: '',
  accepted: 'govuk-tag--teal',
  completed: 'govuk-tag--yellow',
  approved: 'govuk-tag--green',
  disputed: 'govuk-tag--orange',
  settled: 'govuk-tag--purple',
  cancelled: 'govuk-tag--grey',
};

export const stateTag = (state) => html`<strong class="govuk-tag ${stateColours[state] ?? 'govuk-tag--grey'}">${words(state)}</strong>`;

/** The red tags for what needs someone's attention: past its deadline, or completed and waiting for a decision. */
export function attentionTags(job) {
  return [
    job.overdue ? html` <strong class="govuk-tag govuk-tag--red">Overdue</strong>` : '',
    job.awaitingApproval ? html` <strong class="govuk-tag govuk-tag--red">Awaiting approval</strong>` : '',
  ];
}

export const needsAttention = (job) => Boolean(job.overdue || job.awaitingApproval);

const eventNames = {
  'job.raised': 'Job raised',
  'job.accepted': 'Accepted by the supplier',
  'job.completed': 'Completed by the supplier',
  'job.cancelled': 'Cancelled by the supplier',
  'job.approved': 'Work approved',
  'job.disputed': 'Work disputed',
  'job.settled': 'Settled for payment',
};

/** A job event's type ("job.accepted") in words. */
export const eventName = (type) => eventNames[type] ?? words(type);

/**
 * Who caused an event, by name: the ledger transaction's actor ("association:…", "supplier:…", "service:settlement").
 * Events accepted before the service kept the actor beside the job have none; only one kind of sender may send each
 * type, so the type names it then.
 */
export function actorOf({ type, actor }, { associationName, supplierName }) {
  const kind = actor?.split(':')[0] ?? (['job.accepted', 'job.completed', 'job.cancelled'].includes(type) ? 'supplier' : type === 'job.settled' ? 'service' : 'association');
  if (kind === 'supplier') return supplierName;
  if (kind === 'service') return 'Settlement run';
  if (kind === 'operator') return 'Operator';
  return associationName;
}

/** A fresh Idempotency-Key: one per form drawn, so submitting the same form twice records one event. */
export const idempotencyKey = () => crypto.randomUUID();
