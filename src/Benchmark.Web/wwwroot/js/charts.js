// Draws the indicator charts from each <canvas data-chart="{json}"> (no inline script: the CSP forbids it).
// The data table beside every chart is the accessible reading; the canvas is role="img" with a label.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }

  var blue = '#000091', grey = '#666666', red = '#ce0500', green = '#18753c', light = '#6a6af4', orange = '#b34000';
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

  // The tested changes: a dashed vertical line at their period, numbered as in the list under the chart.
  function marks(list) {
    return {
      id: 'bmMarks',
      afterDatasetsDraw: function (chart) {
        if (!list.length) { return; }
        var byIndex = {};
        list.forEach(function (m) { (byIndex[m.index] = byIndex[m.index] || []).push(m.number); });
        var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = '#3a3a3a'; ctx.fillStyle = '#3a3a3a'; ctx.lineWidth = 1.5; ctx.setLineDash([5, 3]);
        ctx.font = 'bold 12px Marianne, arial, sans-serif'; ctx.textAlign = 'center';
        Object.keys(byIndex).forEach(function (index) {
          var px = x.getPixelForValue(Number(index));
          ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
          ctx.fillText(byIndex[index].join(', '), px, area.top - 5);
        });
        ctx.restore();
      }
    };
  }

  var builders = {
    run: function (d) {
      // A point in a signal is larger, outlined and of its own shape (diamond: shift, triangle: trend, star:
      // astronomical point), so colour is never the only cue; the sentences and the table under the chart say it in words.
      var styles = d.styles || [];
      var flagged = styles.map(function (s) { return s !== 'circle'; });
      var sets = [{
        type: 'line', label: d.label, data: d.values, borderColor: blue, backgroundColor: blue, spanGaps: true,
        pointStyle: styles.length ? styles : 'circle',
        pointRadius: flagged.map(function (f) { return f ? 9 : 4; }),
        pointBorderWidth: flagged.map(function (f) { return f ? 3 : 1; }),
        pointBorderColor: flagged.map(function (f) { return f ? orange : blue; }),
        pointBackgroundColor: flagged.map(function (f) { return f ? orange : blue; })
      }];
      if (d.median !== null) { sets.push(line('Médiane', d.median, d.labels.length, grey, [6, 4])); }
      if (d.target !== null && d.target !== undefined) { sets.push(line('Cible', d.target, d.labels.length, green, [2, 2])); }
      return {
        type: 'line', data: { labels: d.labels, datasets: sets }, plugins: [marks(d.marks || [])],
        options: {
          layout: { padding: { top: 18, right: 8 } },
          scales: {
            // From zero unless the page says « axe ne partant pas de zéro » (the server decides, the text and the axis agree).
            y: { beginAtZero: d.fromZero !== false },
            // Every period is labelled, turned as far as needed: a label is never skipped nor cut.
            x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 0 } }
          }
        }
      };
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
