import { html } from './html.js';

// Charts over Chart.js (window.Chart, loaded by index.html). A chart is a picture of figures the page also gives as a
// table: the canvas is an image whose label says what it shows and points at that table, so nobody needs the chart.
// Animation is off, for people who prefer reduced motion and so that tests and screenshots see the final figures.
// Tests read a chart's figures with Chart.getChart(canvas).data.

/** GOV.UK Frontend's colours, so charts match the pages and keep AA contrast on white. */
export const colours = { blue: '#1d70b8', red: '#d4351c', green: '#00703c', grey: '#505a5f', text: '#0b0c0c' };

const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** Pence as whole pounds, for an axis whose steps need no pence: 4500000 → "£45,000". */
export const axisPounds = (pence) => wholePounds.format(pence / 100);

/**
 * The place a chart goes: put it in the page's markup, then draw into it with `drawChart`. `tableId` names the table
 * holding the same figures.
 */
export const chartBox = (id, label, tableId) => html`<div class="hl-chart" id="${id}">
    <canvas role="img" aria-label="${label}" aria-describedby="${tableId}"><p class="govuk-body">${label}. The table holds the same figures.</p></canvas>
  </div>`;

/**
 * Draws a chart into a `chartBox`. `series` are `{label, data, colour, dashed?, kind?: 'line'|'bar'}`, one value
 * per label (null for none); `format` writes a value for the tooltips, and `tick` for the axis (by default `format`).
 * Answers the Chart.
 */
export function drawChart(box, { kind = 'line', labels, series, format = String, tick = format, stacked = false, min = 0, suggestedMax }) {
  const { Chart } = window;
  // GOV.UK Frontend sets its typeface on its own classes, not on the body the canvas would inherit from.
  Chart.defaults.font.family = getComputedStyle(document.querySelector('.govuk-body') ?? document.body).fontFamily;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = colours.text;
  const canvas = box.querySelector('canvas');
  Chart.getChart(canvas)?.destroy();
  return new Chart(canvas, {
    type: kind,
    data: {
      labels,
      datasets: series.map((s) => ({
        type: s.kind ?? kind,
        label: s.label,
        data: s.data,
        borderColor: s.colour,
        backgroundColor: s.colour,
        borderWidth: s.kind === 'bar' || (!s.kind && kind === 'bar') ? 0 : 3,
        borderDash: s.dashed ? [8, 6] : [],
        pointRadius: s.dashed ? 0 : 4,
        pointStyle: s.dashed ? 'line' : 'circle',
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked, grid: { display: false } },
        y: { stacked, min, suggestedMax, ticks: { callback: (value) => tick(value) } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.raw === null ? '—' : format(item.raw)}` } },
      },
    },
  });
}
