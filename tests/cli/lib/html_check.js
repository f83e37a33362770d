// html_check.js: checks a `mot analyze --format html` page as a browser
// lays it out. tests/cli/html.sh inserts it at the end of the page's body
// and reads its findings, one per line, from the <pre id="mot-check"> it
// adds (chromium --dump-dom):
//   CHART id width height   each figure's drawing, as laid out
//   RESOURCE url            anything the page fetched (must be none)
//   OVERFLOW tp text        a blueprint text outside its box
//   OVERLAP tp tp           two blueprint boxes that meet
//   BOXES n                 blueprint boxes checked
//   DONE                    the checks ran to the end
(function () {
  var out = [];
  var figs = document.querySelectorAll('figure.chart');
  for (var i = 0; i < figs.length; i++) {
    var svg = figs[i].querySelector('svg');
    var r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    out.push('CHART ' + figs[i].getAttribute('data-chart') + ' ' +
             Math.round(r.width) + ' ' + Math.round(r.height));
  }
  var res = performance.getEntriesByType('resource');
  for (var k = 0; k < res.length; k++) out.push('RESOURCE ' + res[k].name);
  var bp = document.querySelector('figure[data-chart="blueprint"] svg');
  if (bp) {
    // touchpoint boxes have a tooltip; the legend's swatches do not
    var boxes = [].filter.call(bp.querySelectorAll('g.tp'), function (g) {
      return g.querySelector('title') !== null;
    });
    var rects = [];
    for (var b = 0; b < boxes.length; b++) {
      var g = boxes[b], box = g.querySelector('rect').getBBox();
      var name = g.querySelector('title').textContent;
      rects.push([box, name]);
      var texts = g.querySelectorAll('text');
      for (var t = 0; t < texts.length; t++) {
        if (texts[t].parentNode.getAttribute('class') === 'badge') continue;
        var tb = texts[t].getBBox();
        if (tb.x < box.x - 0.5 || tb.x + tb.width > box.x + box.width + 0.5 ||
            tb.y < box.y - 0.5 || tb.y + tb.height > box.y + box.height + 0.5)
          out.push('OVERFLOW ' + name + ' | ' + texts[t].textContent + ' | ' +
                   [tb.x, tb.y, tb.width, tb.height].map(Math.round) + ' in ' +
                   [box.x, box.y, box.width, box.height].map(Math.round));
      }
    }
    for (var p = 0; p < rects.length; p++)
      for (var q = p + 1; q < rects.length; q++) {
        var a = rects[p][0], c = rects[q][0];
        if (a.x < c.x + c.width && c.x < a.x + a.width &&
            a.y < c.y + c.height && c.y < a.y + a.height)
          out.push('OVERLAP ' + rects[p][1] + ' | ' + rects[q][1]);
      }
    out.push('BOXES ' + boxes.length);
  }
  out.push('DONE');
  var pre = document.createElement('pre');
  pre.id = 'mot-check';
  pre.textContent = '\n' + out.join('\n') + '\n';
  document.body.appendChild(pre);
})();
