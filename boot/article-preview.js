// Article preview: paints an article's text from the JSON that index.html's boot script already
// requested, so a reader on a slow phone reads the headline and the story before the WebAssembly
// app has arrived (the largest paint no longer waits for the app). The app replaces this preview
// as soon as it has drawn the same article itself (src/boot.rs). The app's download waits for
// this preview (gazetteBoot.go), so the story gets the network to itself first.
//
// Safety is the app's: API text goes in only as text (textContent), an image only from http(s)
// or a site path, and links are not made at all (the app adds them). Anything unexpected leaves
// the skeleton in place.
(function () {
  var boot = window.gazetteBoot;
  var main = document.querySelector('#boot-shell main');
  if (!boot || !boot.article) return;
  // Lets the app's download start once the preview is on screen: the second animation frame
  // comes after the first one was presented.
  function release() {
    requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(boot.go, 0); }); });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof text === 'string') node.textContent = text;
    return node;
  }
  function str(value) {
    return typeof value === 'string' ? value : '';
  }
  // The same rule as src/links.rs safe_src: http(s), or a path on this site; no control characters.
  function safeSrc(src) {
    src = str(src).trim();
    if (!src || src.slice(0, 2) === '//' || /[\u0000-\u001f\u007f-\u009f]/.test(src)) return null;
    var colon = src.indexOf(':'), separator = src.search(/[\/?#]/);
    var relative = colon < 0 || (separator >= 0 && separator < colon);
    return relative || /^https?:\/\//i.test(src) ? src : null;
  }
  function runs(content) {
    return Array.isArray(content) ? content.map(function (r) { return str(r && r.text); }).join('') : '';
  }
  function block(b) {
    if (!b || typeof b !== 'object') return null;
    if (b.type === 'paragraph') return el('p', '', runs(b.content));
    if (b.type === 'heading') return el(b.level === 3 ? 'h3' : 'h2', '', str(b.text));
    if (b.type === 'quote') {
      var quote = el('figure', 'quote'), inner = el('blockquote');
      inner.appendChild(el('p', '', runs(b.content)));
      quote.appendChild(inner);
      if (b.cite) quote.appendChild(el('figcaption', '', str(b.cite)));
      return quote;
    }
    if (b.type === 'list' && Array.isArray(b.items)) {
      var list = el(b.ordered ? 'ol' : 'ul');
      b.items.forEach(function (item) { list.appendChild(el('li', '', runs(item))); });
      return list;
    }
    return null; // images in the body and unknown blocks wait for the app
  }
  function figure(image) {
    var src = image && safeSrc(image.src);
    if (!src || !(image.width > 0) || !(image.height > 0)) return null;
    var fig = el('figure', 'figure'), img = el('img');
    img.src = src;
    img.alt = str(image.alt);
    img.width = image.width;
    img.height = image.height;
    img.setAttribute('fetchpriority', 'high');
    fig.appendChild(img);
    var caption = [str(image.caption), str(image.credit)].filter(Boolean).join(' ');
    if (caption) fig.appendChild(el('figcaption', '', caption));
    return fig;
  }

  boot.article.then(function (a) {
    if (!a || typeof a.title !== 'string' || !main || !document.getElementById('boot-shell')) return boot.go();
    var article = el('article', 'article boot-preview'), header = el('header', 'article__header');
    var topline = el('div', 'article__topline');
    topline.appendChild(el('div', 'skeleton skeleton--label'));
    header.appendChild(topline);
    header.appendChild(el('h1', 'article__headline', a.title));
    if (str(a.lead)) header.appendChild(el('p', 'article__lead', a.lead));
    var meta = el('p', 'article__meta');
    meta.appendChild(el('span', 'skeleton skeleton--line skeleton--short'));
    header.appendChild(meta);
    header.appendChild(el('div', 'share-bar'));
    article.appendChild(header);
    var lead = figure(a.image);
    if (lead) article.appendChild(lead);
    var body = el('div', 'article-body');
    (Array.isArray(a.body) ? a.body : []).forEach(function (b) {
      var node = block(b);
      if (node) body.appendChild(node);
    });
    article.appendChild(body);
    main.replaceChildren(article);
    // Readable by assistive technology too; only the placeholders stay hidden.
    var shell = document.getElementById('boot-shell');
    shell.removeAttribute('aria-hidden');
    shell.querySelectorAll('header, .skeleton').forEach(function (n) { n.setAttribute('aria-hidden', 'true'); });
    shell.setAttribute('data-preview', 'article');
    release();
  }).catch(function () {
    boot.go();
  });
})();
