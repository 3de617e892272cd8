// Draws the indicator charts from each <canvas data-chart="{json}"> (no inline script: the CSP forbids it).
// The data table beside every chart is the accessible reading; the canvas is role="img" with a label.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }

  var blue = '#000091', grey = '#666666', red = '#ce0500', green = '#18753c', light = '#6a6af4';
  var number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
  function format(value, unit) {
    if (value === null || value === undefined) { return '—'; }
    return number.format(value) + (unit === '%' ? ' %' : (unit && unit !== 'ratio' && unit !== 'nombre' ? ' ' + unit : ''));
  }
  function line(label, value, count, color, dash) {
    return { type: 'line', label: label, data: new Array(count).fill(value), borderColor: color, borderDash: dash, borderWidth: 2, pointRadius: 0, fill: false };
  }
  function tooltip(unit) {
    return { callbacks: { label: function (ctx) { return ctx.dataset.label + ' : ' + format(ctx.parsed.y, unit); } } };
  }

  var builders = {
    run: function (d) {
      var sets = [{ type: 'line', label: d.label, data: d.values, borderColor: blue, backgroundColor: blue, pointRadius: 4, spanGaps: true }];
      if (d.median !== null) { sets.push(line('Médiane', d.median, d.labels.length, grey, [6, 4])); }
      if (d.target !== null && d.target !== undefined) { sets.push(line('Cible', d.target, d.labels.length, green, [2, 2])); }
      return { type: 'line', data: { labels: d.labels, datasets: sets } };
    },
    benchmark: function (d) {
      var colors = d.named.map(function (n) { return n ? red : light; });
      var sets = [{ type: 'bar', label: d.label, data: d.values, backgroundColor: colors }];
      if (d.median !== null) {
        sets.push(line('Médiane', d.median, d.labels.length, grey, []));
        sets.push(line('1er quartile', d.q1, d.labels.length, grey, [6, 4]));
        sets.push(line('3e quartile', d.q3, d.labels.length, grey, [6, 4]));
      }
      return { type: 'bar', data: { labels: d.labels, datasets: sets } };
    },
    histogram: function (d) {
      return { type: 'bar', data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, backgroundColor: blue, barPercentage: 1, categoryPercentage: 0.95 }] },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } };
    }
  };

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var d = JSON.parse(canvas.getAttribute('data-chart'));
    var build = builders[d.kind];
    if (!build) { return; }
    var config = build(d);
    var unit = d.kind === 'histogram' ? null : d.unit;
    config.options = Object.assign({
      responsive: true, maintainAspectRatio: false, animation: false, locale: 'fr-FR',
      plugins: { legend: { position: 'bottom' }, tooltip: unit === null ? {} : tooltip(unit) }
    }, config.options || {});
    new Chart(canvas, config);
  });

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
