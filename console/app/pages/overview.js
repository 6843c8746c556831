import { api, query } from '../api.js';
import { html } from '../html.js';
import { can, roleNames } from '../roles.js';

export const may = 'readJobs';

/** How many jobs match `filters`, read as one page of up to 100: "100 or more" past that. */
async function count(filters) {
  const page = await api(`/jobs${query({ ...filters, limit: 100 })}`);
  return page.next ? `${page.jobs.length} or more` : String(page.jobs.length);
}

export async function render(main, { caller }) {
  const [overdue, awaiting] = await Promise.all([count({ overdue: 'true' }), count({ state: 'completed' })]);
  const card = (href, figure, label, description) => html`
    <div class="govuk-grid-column-one-half">
      <div class="hl-card">
        <p class="govuk-heading-xl hl-card__figure">${figure}</p>
        <h2 class="govuk-heading-m"><a class="govuk-link" href="${href}">${label}</a></h2>
        <p class="govuk-body">${description}</p>
      </div>
    </div>`;
  main.innerHTML = html`
    <span class="govuk-caption-l">${caller.associationName}</span>
    <h1 class="govuk-heading-l">Repairs</h1>
    <p class="govuk-body">You are signed in as ${roleNames[caller.role]}.</p>
    <div class="govuk-grid-row">
      ${card('/jobs?overdue=true', overdue, 'Overdue jobs', 'Raised, accepted or disputed jobs past their deadline.')}
      ${card('/jobs?state=completed', awaiting, 'Waiting for approval', 'Completed by the supplier, not yet approved or disputed.')}
    </div>
    ${can(caller, 'raiseJobs') ? html`<a class="govuk-button" href="/jobs/new" data-module="govuk-button">Raise a job</a>` : ''}`;
  return 'Repairs';
}
