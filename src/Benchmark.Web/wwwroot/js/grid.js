// Draws the report-delay distribution of the collection grid from <canvas data-grid-chart="{json}">
// (no inline script: the CSP forbids it). The table above the chart is the accessible reading.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var palette = ['#000091', '#6a6af4', '#18753c', '#b34000', '#a558a0', '#0063cb', '#ce0500', '#666666'];
  document.querySelectorAll('canvas[data-grid-chart]').forEach(function (canvas) {
    var d = JSON.parse(canvas.getAttribute('data-grid-chart'));
    var datasets = d.datasets.map(function (s, i) {
      return { label: s.label, data: s.data, backgroundColor: palette[i % palette.length] };
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: d.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, locale: 'fr-FR',
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Comptes rendus' } } }
      }
    });
  });
})();
