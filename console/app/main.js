import { initAll } from '/govuk/govuk-frontend.min.js';
import { Problem } from './api.js';
import { html } from './html.js';
import { can } from './roles.js';
import { match, navigation } from './routes.js';
import { session } from './session.js';

// Each page is a whole page load: the server answers index.html for every console path, and this draws the page the
// path names. Links, the back button and bookmarks work as on any site, and filters live in the query string.

document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const main = document.getElementById('main-content');

function drawNavigation(caller) {
  const wrapper = document.getElementById('navigation-wrapper');
  if (!caller) return;
  document.getElementById('association-name').textContent = caller.associationName ?? 'Repairs console';
  const items = navigation.filter((item) => can(caller, item.may)).concat([{ href: '/sign-out', text: 'Sign out' }]);
  document.getElementById('navigation').innerHTML = items.map((item) => {
    const current = location.pathname === item.href || location.pathname.startsWith(`${item.href}/`);
    const text = current ? html`<strong class="govuk-service-navigation__active-fallback">${item.text}</strong>` : item.text;
    return html`<li class="govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}">
      <a class="govuk-service-navigation__link" href="${item.href}"${current ? html` aria-current="page"` : ''}>${text}</a></li>`;
  }).join('');
  wrapper.hidden = false;
}

function drawMessage(heading, body) {
  main.innerHTML = html`<h1 class="govuk-heading-l">${heading}</h1><p class="govuk-body">${body}</p>`;
  return heading;
}

async function draw() {
  const found = match(location.pathname);
  const caller = session.caller();
  if (!found) return drawMessage('Page not found', 'If you typed the web address, check it is correct.');

  const page = await found.route.page();
  if (!page.signedOut && !caller) {
    location.replace(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
    return null;
  }

  drawNavigation(caller);
  if (page.may && !can(caller, page.may)) {
    return drawMessage('You cannot see this page', 'Your key’s role does not allow it. Ask an administrator of your association for a key that does.');
  }

  try {
    return await page.render(main, { caller, values: found.values, query: new URLSearchParams(location.search) });
  } catch (error) {
    if (error.status === 404) return drawMessage('Page not found', error.message);
    if (error instanceof Problem) return drawMessage('Sorry, there is a problem', error.message);
    throw error;
  }
}

const title = await draw();
if (title) document.title = `${title} – HousingLedger`;
initAll();
