// Glossary words: Escape hides the definition shown beside a word, without moving the
// pointer or the focus (WCAG 1.4.13); it shows again when the pointer or the focus comes back.
(() => {
  'use strict';
  const terms = document.querySelectorAll('.term');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') terms.forEach((term) => term.classList.add('term-dismissed'));
  });
  for (const term of terms) {
    const reset = () => term.classList.remove('term-dismissed');
    term.addEventListener('mouseenter', reset);
    term.addEventListener('focusin', reset);
  }
})();
