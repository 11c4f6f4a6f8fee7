// The console's frame: login, one navigation entry per page the user's role may open, hash routing, and the
// refresh loop that keeps live pages current while the simulator runs.
import './style.css';
import * as auth from './auth.js';
import { configure } from './api.js';
import { t, setNames, toggleLanguage, language, translateFrame } from './i18n.js';
import { el, disposeCharts, message } from './ui.js';
import { page as overview } from './pages/overview.js';
import { page as breakdowns } from './pages/breakdowns.js';
import { page as areas } from './pages/areas.js';
import { page as declarations } from './pages/declarations.js';
import { page as operations } from './pages/operations.js';

const PAGES = [overview, breakdowns, areas, declarations, operations];
const REFRESH_MS = 5000;
let refreshTimer;
let generation = 0;

function allowed(page) {
  return page.roles.some(role => auth.roles().includes(role));
}

function drawNav() {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...PAGES.filter(allowed).map(p => el('a', { href: `#/${p.id}`, id: `nav-${p.id}`,
    class: location.hash === `#/${p.id}` ? 'active' : undefined }, t(p.title))));
}

function stamp() {
  const live = document.getElementById('live');
  live.classList.remove('failed');
  live.textContent = `● ${t('live')} ${new Date().toLocaleTimeString()}`;
}

async function show() {
  clearTimeout(refreshTimer);
  disposeCharts();
  const mine = ++generation;
  const id = location.hash.replace(/^#\//, '');
  const first = PAGES.find(allowed);
  const page = PAGES.find(p => p.id === id);
  if (!page && first) {
    location.replace(`#/${first.id}`);
    return;
  }
  drawNav();
  const main = document.getElementById('page');
  main.replaceChildren();
  main.dataset.page = page?.id ?? '';
  if (!page || !allowed(page)) {
    main.append(message('error', t('forbidden')));
    main.dataset.forbidden = 'true';
    return;
  }
  delete main.dataset.forbidden;
  main.append(el('h1', {}, t(page.title)));
  const refresh = page.render(main);
  const loop = async () => {
    if (mine !== generation) {
      return;
    }
    try {
      await refresh();
      main.dataset.loaded = 'true';
      stamp();
    } catch (e) {
      const live = document.getElementById('live');
      live.classList.add('failed');
      live.textContent = `${t('error')}: ${e.message}`;
    }
    if (page.live && mine === generation) {
      refreshTimer = setTimeout(loop, REFRESH_MS);
    }
  };
  delete main.dataset.loaded;
  loop();
}

async function boot() {
  translateFrame();
  const settings = await (await fetch('/settings.json')).json();
  await auth.start(settings);
  configure(settings);
  setNames(await (await fetch('/names.json')).json());
  const claims = auth.claims();
  document.getElementById('user').textContent = `${claims.preferred_username} (${auth.roles().filter(r => PAGES.some(p => p.roles.includes(r))).join(', ')})`;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.addEventListener('click', auth.logout);
  const lang = document.getElementById('lang');
  lang.textContent = language() === 'en' ? '中文' : 'English';
  lang.addEventListener('click', () => {
    toggleLanguage();
    lang.textContent = language() === 'en' ? '中文' : 'English';
    translateFrame();
    show();
  });
  window.addEventListener('hashchange', show);
  show();
}

boot().catch(e => {
  document.getElementById('page').replaceChildren(message('error', e.message));
});
