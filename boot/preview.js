// Page preview: paints an article's text, or a feed's first stories, from the JSON that
// index.html's boot script already requested, so a reader on a slow phone reads before the
// WebAssembly app has arrived (the largest paint no longer waits for the app). The app's download
// waits for this preview (gazetteBoot.go), so the story gets the network to itself first, and the
// app replaces the preview as soon as it has drawn the same page itself (src/boot.rs).
//
// Safety is the app's: API text goes in only as text (textContent), an image only from http(s)
// or a site path, and links are not made at all (the app adds them). Anything unexpected leaves
// the skeleton in place and lets the app start.
(function () {
  var boot = window.gazetteBoot;
  var main = document.querySelector('#boot-shell main');
  if (!boot || !boot.preview) return;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof text === 'string') node.textContent = text;
    return node;
  }
  function str(value) {
    return typeof value === 'string' ? value : '';
  }
  function list(value) {
    return Array.isArray(value) ? value : [];
  }
  function placeholder(className) {
    return el('div', 'skeleton ' + className);
  }
  // The same rule as src/links.rs safe_src: http(s), or a path on this site; no control characters.
  function safeSrc(src) {
    src = str(src).trim();
    if (!src || /^[\/\\]{2}/.test(src) || /[\u0000-\u001f\u007f-\u009f]/.test(src)) return null;
    var colon = src.indexOf(':'), separator = src.search(/[\/?#]/);
    var relative = colon < 0 || (separator >= 0 && separator < colon);
    return relative || /^https?:\/\//i.test(src) ? src : null;
  }
  function img(image, className, eager) {
    var src = image && safeSrc(image.src);
    if (!src || !(image.width > 0) || !(image.height > 0)) return null;
    var node = el('img', className);
    node.src = src;
    node.alt = str(image.alt);
    node.width = image.width;
    node.height = image.height;
    if (eager) node.setAttribute('fetchpriority', 'high');
    else node.loading = 'lazy';
    return node;
  }

  // An article: the header's text, the lead image and the body's text blocks.
  function runs(content) {
    return list(content).map(function (r) { return str(r && r.text); }).join('');
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
    if (b.type === 'list') {
      var items = el(b.ordered ? 'ol' : 'ul');
      list(b.items).forEach(function (item) { items.appendChild(el('li', '', runs(item))); });
      return items;
    }
    return null; // images in the body and unknown blocks wait for the app
  }
  function article(a) {
    if (!a || typeof a.title !== 'string') return null;
    var root = el('article', 'article boot-preview'), header = el('header', 'article__header');
    var topline = el('div', 'article__topline');
    topline.appendChild(placeholder('skeleton--label'));
    header.appendChild(topline);
    header.appendChild(el('h1', 'article__headline', a.title));
    if (str(a.lead)) header.appendChild(el('p', 'article__lead', a.lead));
    var meta = el('p', 'article__meta');
    meta.appendChild(placeholder('skeleton--line skeleton--short'));
    header.appendChild(meta);
    header.appendChild(el('div', 'share-bar'));
    root.appendChild(header);
    var lead = img(a.image, '', true);
    if (lead) {
      var figure = el('figure', 'figure');
      figure.appendChild(lead);
      var caption = [str(a.image.caption), str(a.image.credit)].filter(Boolean).join(' ');
      if (caption) figure.appendChild(el('figcaption', '', caption));
      root.appendChild(figure);
    }
    var body = el('div', 'article-body');
    list(a.body).forEach(function (b) {
      var node = block(b);
      if (node) body.appendChild(node);
    });
    root.appendChild(body);
    return root;
  }

  // A feed: the section's box (or a placeholder for the latest-news heading) and the stories.
  function feed(page, edition, slug) {
    if (!page || !Array.isArray(page.items) || !page.items.length) return null;
    var sections = edition ? list(edition.sections) : [];
    function section(s) {
      return sections.filter(function (x) { return x && x.slug === s; })[0];
    }
    var own = slug && section(slug);
    if (slug && !own) return null; // an unknown section is the app's not-found page
    var root = el('div', 'feed-layout boot-preview'), column = el('div', 'feed-main');
    if (own) {
      var box = el('header', 'section-box');
      box.appendChild(el('h1', 'section-box__title', str(own.title)));
      if (str(own.description)) box.appendChild(el('p', 'section-box__description', own.description));
      column.appendChild(box);
    } else {
      column.appendChild(placeholder('skeleton--feed-title'));
    }
    var stories = el('div', 'feed');
    page.items.forEach(function (s, i) {
      if (!s || typeof s.title !== 'string') return;
      var card = el('article', s.image && typeof s.image === 'object' ? 'story-card story-card--with-image' : 'story-card');
      var picture = img(s.image, 'story-card__image', i < 2);
      if (picture) card.appendChild(picture);
      var text = el('div', 'story-card__text');
      if (!slug) {
        var label = section(s.section);
        text.appendChild(el('span', 'section-label', label ? str(label.title) : str(s.section)));
      }
      text.appendChild(el('h2', 'story-card__title', s.title));
      if (str(s.lead)) text.appendChild(el('p', 'story-card__lead', s.lead));
      text.appendChild(placeholder('skeleton--line skeleton--short'));
      card.appendChild(text);
      stories.appendChild(card);
    });
    column.appendChild(stories);
    root.appendChild(column);
    return root;
  }

  // Lets the app's download start once the preview is on screen: the second animation frame
  // comes after the first one was presented.
  function release() {
    requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(boot.go, 0); }); });
  }

  var preview = boot.preview;
  preview.documents.then(function (docs) {
    var shell = document.getElementById('boot-shell');
    var node = main && shell && (preview.kind === 'article' ? article(docs[0]) : feed(docs[0], docs[1], preview.section));
    if (!node) return boot.go();
    main.replaceChildren(node);
    // The page speaks the content's language from now on, as it will under the app.
    if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(str(preview.lang))) document.documentElement.lang = preview.lang;
    // Readable by assistive technology too; only the placeholders stay hidden.
    shell.removeAttribute('aria-hidden');
    shell.querySelectorAll('header.site-header, .skeleton').forEach(function (n) { n.setAttribute('aria-hidden', 'true'); });
    shell.setAttribute('data-preview', preview.kind);
    if (window.performance && performance.mark) performance.mark('gazette-preview'); // for field timing
    release();
  }).catch(function () {
    boot.go();
  });
})();
