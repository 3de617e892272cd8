// Sends the anti-forgery token with every htmx request (the server refuses a POST without it).
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers['RequestVerificationToken'] = meta.getAttribute('content'); }
});

// After a checklist item is swapped, keyboard focus stays on that item (its next action, else the item itself)
// instead of falling back to the page: the element that had it was replaced.
document.addEventListener('htmx:afterSettle', function (event) {
  var id = event.detail.target && event.detail.target.id;
  var item = id ? document.getElementById(id) : null;
  if (!item || !item.hasAttribute('data-item')) { return; }
  if (document.activeElement && document.activeElement !== document.body && item.contains(document.activeElement)) { return; }
  var next = item.querySelector('[data-focus]') || item;
  next.focus();
});
