// Sends the anti-forgery token with every htmx request (the server refuses a POST without it).
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers['RequestVerificationToken'] = meta.getAttribute('content'); }
});
