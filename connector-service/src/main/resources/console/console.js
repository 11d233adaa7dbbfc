// The console's only script of its own: copy buttons, uPlot charts drawn from data-chart-data,
// and focus after a page swap (the first field marked invalid, else the main content).
(function () {
  'use strict';

  function say(text) {
    document.querySelectorAll('.copied').forEach(function (live) { live.textContent = text; });
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) { return; }
    var label = button.getAttribute('aria-label') || 'Copy';
    var done = function () {
      button.textContent = 'Copied';
      say(label.replace(/^Copy/, 'Copied'));
      setTimeout(function () { button.textContent = 'Copy'; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { fallback(field, done); });
    } else {
      fallback(field, done);
    }
  }

  function fallback(field, done) {
    field.focus();
    field.select();
    try { if (document.execCommand('copy')) { done(); return; } } catch (e) { /* below */ }
    say('Selected: press Ctrl+C (or Cmd+C) to copy');
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]');
    if (button) { event.preventDefault(); copy(button); }
  });

  // y axes count people and deliveries: whole numbers only
  var WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

  function bars(uPlot) {
    return uPlot.paths.bars({ size: [0.7, 48], align: 0 });
  }

  function deliveries(el, data) {
    return {
      opts: {
        width: width(el), height: 220,
        scales: { x: { time: true } },
        series: [{},
          { label: data.series[0].label, stroke: '#1d4ed8', fill: 'rgba(29,78,216,0.55)', paths: bars(uPlot), points: { show: false } },
          { label: data.series[1].label, stroke: '#6b7280', fill: 'rgba(107,114,128,0.45)', paths: bars(uPlot), points: { show: false } }],
        axes: [{}, { label: 'per hour', size: 50, incrs: WHOLE }]
      },
      data: [data.x, data.series[0].values, data.series[1].values]
    };
  }

  function funnel(el, data) {
    var cats = data.categories;
    return {
      opts: {
        width: width(el), height: 200,
        legend: { show: false },
        scales: { x: { time: false, range: [-0.5, cats.length - 0.5] } },
        series: [{}, { label: 'People', stroke: '#047857', fill: 'rgba(4,120,87,0.6)',
          paths: uPlot.paths.bars({ size: [0.6, 80], align: 0 }), points: { show: false } }],
        axes: [{ splits: function () { return cats.map(function (_, i) { return i; }); },
                 values: function (u, splits) { return splits.map(function (i) { return cats[i] || ''; }); } },
               { size: 40, incrs: WHOLE }]
      },
      data: [cats.map(function (_, i) { return i; }), data.values]
    };
  }

  function width(el) {
    return Math.max(240, Math.floor(el.clientWidth || el.parentNode.clientWidth || 320));
  }

  function drawCharts() {
    if (typeof uPlot === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.uplot) { return; }
      var data = JSON.parse(el.getAttribute('data-chart-data'));
      var chart = el.getAttribute('data-chart') === 'funnel' ? funnel(el, data) : deliveries(el, data);
      el.uplot = new uPlot(chart.opts, chart.data, el);
      el.setAttribute('data-drawn', 'true');
    });
  }

  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.uplot) { el.uplot.setSize({ width: width(el), height: el.uplot.height }); }
    });
  });

  document.addEventListener('DOMContentLoaded', drawCharts);
  document.addEventListener('htmx:afterSettle', function (event) {
    drawCharts();
    if (event.detail && event.detail.target === document.body) {
      var invalid = document.querySelector('[aria-invalid="true"]');
      var main = document.getElementById('main');
      if (invalid) { invalid.focus(); } else if (main) { main.focus({ preventScroll: true }); }
    }
  });
})();
