import { api, Problem } from '../api.js';
import { onSubmit } from '../forms.js';
import { money, when, words } from '../format.js';
import { html } from '../html.js';
import { actorOf, attentionTags, eventName, idempotencyKey, stateTag } from '../jobs.js';
import { readContracts } from '../contracts.js';
import { can } from '../roles.js';

export const may = 'readJobs';

// An action's event reaches the chain a moment after the API accepts it; the page waits this long for it, then says
// it is still on its way rather than hold the user up.
const waitForChainMs = 10_000;
const pollEveryMs = 500;

// Texts kept off the ledger (a completion's notes, a dispute's reason) that the timeline shows beside their event.
const textEvents = ['job.completed', 'job.disputed'];

/** The job with the marks the list gives it, worked out the same way (docs/api.md, GET /jobs). */
function withMarks(job) {
  const open = ['raised', 'accepted', 'disputed'].includes(job.state);
  return { ...job, overdue: open && Date.parse(job.deadline) < Date.now(), awaitingApproval: job.state === 'completed' };
}

async function keptText(jobId, event) {
  if (!textEvents.includes(event.type)) return null;
  try {
    return (await api(`/jobs/${encodeURIComponent(jobId)}/events/${encodeURIComponent(event.eventId)}/text`)).text;
  } catch (error) {
    if (error.status === 404) return null;
    if (error.status === 410) return 'The text was erased.';
    throw error;
  }
}

function workOrder(status) {
  if (!status) return 'Not sent yet';
  const attempts = `${status.attempts} attempt${status.attempts === 1 ? '' : 's'}`;
  switch (status.status) {
    case 'delivered':
      return html`<strong class="govuk-tag govuk-tag--green">Delivered</strong> ${when(status.lastAttemptAt)} (${attempts})`;
    case 'retrying':
      return html`<strong class="govuk-tag govuk-tag--yellow">Retrying</strong> ${status.lastError}. Next attempt ${when(status.nextAttemptAt)} (${attempts} so far)`;
    case 'failed':
      return html`<strong class="govuk-tag govuk-tag--red">Failed</strong> ${status.lastError} (${attempts}, last ${when(status.lastAttemptAt)})`;
    default:
      return words(status.status);
  }
}

function details(job, contract, supplierName) {
  const item = contract?.terms.items.find((i) => i.code === job.itemCode);
  const rows = [
    ['State', html`${stateTag(job.state)}${attentionTags(job)}`],
    ['Property', job.propertyRef],
    ['Contract', contract?.terms.title ?? job.contractId],
    ['Supplier', supplierName],
    ['Item', item ? `${item.code} — ${item.description} — ${money(item.unitPrice)} each` : job.itemCode],
    ['Quantity', job.quantity],
    ['Priority', words(job.priority)],
    ['Raised', when(job.raisedAt)],
    ['Deadline', when(job.deadline)],
    ['Work order', workOrder(job.workOrder)],
  ];
  return html`<dl class="govuk-summary-list">${rows.map(([key, value]) => html`<div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`)}</dl>`;
}

function timeline(job, texts, actors) {
  const rows = job.events.map((event, i) => {
    const name = eventName(event.type);
    const place = event.ledger
      ? html`Block ${event.ledger.height}, leaf ${event.ledger.index}`
      : html`<strong class="govuk-tag govuk-tag--grey">Being recorded</strong>`;
    const receipt = event.ledger
      ? html`<a class="govuk-link" href="/ledger/receipts/${encodeURIComponent(event.eventId)}">Check receipt<span class="govuk-visually-hidden"> for ${name.toLowerCase()}</span></a>`
      : '';
    return html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${name}${texts[i] ? html`<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">${texts[i]}</p>` : ''}</td>
        <td class="govuk-table__cell">${when(event.occurredAt)}</td>
        <td class="govuk-table__cell">${actorOf(event, actors)}</td>
        <td class="govuk-table__cell">${place}</td>
        <td class="govuk-table__cell">${receipt}</td>
      </tr>`;
  });
  return html`<table class="govuk-table" id="timeline">
      <caption class="govuk-table__caption govuk-table__caption--m">Timeline</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Event</th>
        <th scope="col" class="govuk-table__header">When</th>
        <th scope="col" class="govuk-table__header">By</th>
        <th scope="col" class="govuk-table__header">On the ledger</th>
        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Receipt</span></th>
      </tr></thead>
      <tbody class="govuk-table__body">${rows}</tbody>
    </table>`;
}

const decisionForm = html`
  <h2 class="govuk-heading-m" id="decide">Approve or dispute</h2>
  <form id="decision-form" novalidate>
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="decision-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is the work done as ordered?</legend>
        <div class="govuk-hint" id="decision-hint">Approved work is paid in the next settlement run. Disputed work goes back to the supplier to complete again.</div>
        <div class="govuk-radios" data-module="govuk-radios">
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id="decision" name="decision" type="radio" value="approved">
            <label class="govuk-label govuk-radios__label" for="decision">Approve the work</label>
          </div>
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id="decision-disputed" name="decision" type="radio" value="disputed">
            <label class="govuk-label govuk-radios__label" for="decision-disputed">Dispute the work</label>
          </div>
        </div>
      </fieldset>
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="reason">Reason</label>
      <div class="govuk-hint" id="reason-hint">Needed when you dispute the work. It is kept off the ledger, which holds only a commitment to it, so it can be erased.</div>
      <textarea class="govuk-textarea" id="reason" name="reason" rows="4" aria-describedby="reason-hint"></textarea>
    </div>
    <button type="submit" class="govuk-button" data-module="govuk-button">Save decision</button>
  </form>`;

function banner(job, recording, outcome) {
  if (!recording || !outcome) return '';
  if (outcome === 'recorded') {
    const event = job.events.find((e) => e.eventId === recording);
    return html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner" tabindex="-1" id="banner">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${eventName(event.type)}: recorded on the ledger in block ${event.ledger.height}.</p></div>
      </div>`;
  }

  const text = outcome === 'waiting'
    ? 'It is being recorded on the ledger. This page will show it in the timeline in a moment.'
    : 'It is accepted, and still being recorded on the ledger. Refresh the page in a minute to see it in the timeline.';
  return html`<div class="govuk-notification-banner" role="region" aria-labelledby="banner-title" data-module="govuk-notification-banner" id="banner">
      <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Important</h2></div>
      <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading" role="status">${text}</p></div>
    </div>`;
}

export async function render(main, { caller, values, query }) {
  const jobId = values.jobId;
  const path = `/jobs/${encodeURIComponent(jobId)}`;
  const recording = query.get('recording');
  const [first, list] = await Promise.all([api(path), readContracts().then((read) => read.contracts)]);
  const contract = list.find((c) => c.contractId === first.contractId);
  const actors = { associationName: caller.associationName, supplierName: contract?.supplierName ?? first.supplierId };
  const onChain = (job) => job.events.some((e) => e.eventId === recording && e.ledger);

  async function draw(answer, outcome) {
    const job = withMarks(answer);
    const texts = await Promise.all(job.events.map((event) => keptText(jobId, event)));
    const decide = can(caller, 'decideJobs') && job.state === 'completed';
    main.innerHTML = html`
      ${banner(job, recording, outcome)}
      <a class="govuk-back-link" href="/jobs">Back to jobs</a>
      <span class="govuk-caption-l">Job</span>
      <h1 class="govuk-heading-l hl-monospace">${job.jobId}</h1>
      ${details(job, contract, actors.supplierName)}
      ${decide ? decisionForm : ''}
      ${timeline(job, texts, actors)}`;
    if (outcome === 'recorded') main.querySelector('#banner').focus();
    if (decide) bindDecision(main.querySelector('#decision-form'));
  }

  function bindDecision(form) {
    // One key for the form as drawn: a double click records one decision.
    const key = idempotencyKey();
    onSubmit(form, async (fields) => {
      const decision = fields.get('decision');
      const reason = String(fields.get('reason') ?? '').trim();
      // The API keeps a reason when given; a dispute with none would leave the supplier not knowing what to put right.
      const errors = {};
      if (!decision) errors.decision = ['Choose whether to approve or dispute the work.'];
      if (decision === 'disputed' && !reason) errors.reason = ['Enter why you dispute the work.'];
      if (Object.keys(errors).length) throw new Problem(400, { title: 'There is a problem', errors });
      const answer = await api(`${path}/approval`, { method: 'POST', idempotencyKey: key, body: { decision, reason: reason || undefined } });
      location.assign(`${path}?recording=${encodeURIComponent(answer.eventId)}`);
    });
  }

  if (!recording || onChain(first)) {
    await draw(first, recording ? 'recorded' : null);
    if (recording) history.replaceState(null, '', path);
    return `Job ${first.jobId}`;
  }

  await draw(first, 'waiting');
  // Keeps asking until the event is on the chain, then shows it; the page is usable meanwhile.
  (async () => {
    let job = first;
    const until = Date.now() + waitForChainMs;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      job = await api(path).catch(() => job);
      if (onChain(job)) {
        await draw(job, 'recorded');
        history.replaceState(null, '', path);
        return;
      }
    }

    await draw(job, 'slow');
  })();
  return `Job ${first.jobId}`;
}
