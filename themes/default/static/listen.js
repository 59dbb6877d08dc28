// Read aloud: the page's main text, sentence by sentence, with the browser's own speech
// synthesis (nothing is sent anywhere), the sentence being read highlighted. The controls
// show only when the browser has a voice for the page's language. Quizzes are read without
// their answers. Pause stops at the sentence and resume reads it again, which works the same
// in every browser (Chrome on Android cannot pause an utterance).
(() => {
  'use strict';
  const box = document.querySelector('.listen');
  const speech = window.speechSynthesis;
  if (!box || !speech || typeof SpeechSynthesisUtterance !== 'function') return;

  /** What is not read: the answers of quizzes, definitions shown on hover, navigation, code,
   * buttons, and whatever is hidden. */
  const SKIPPED = '.quiz-answer, .quiz-feedback, .term-tip, .footnote-reference, .toc, .listen, .badges, .print-fiche, '
    + '.path-nav, .course-footer, nav, pre, script, style, button, [hidden], [aria-hidden="true"], '
    + '.visually-hidden, details:not([open]) > :not(summary)';
  /** The elements whose text is read as one piece, split into sentences. */
  const BLOCKS = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, th, td, caption, figcaption, legend, label, '
    + 'summary, blockquote, div, section, article, fieldset, main';
  const SLOW = 0.7;
  const lang = box.closest('[lang]')?.lang || document.documentElement.lang;
  const [play, stop, slower] = ['.listen-play', '.listen-stop', '.listen-slower'].map((s) => box.querySelector(s));
  const status = box.querySelector('[role=status]');

  /** A voice for the page's language, preferring one of this device. */
  function voice() {
    const wanted = lang.toLowerCase().split('-')[0];
    const voices = speech.getVoices().filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === wanted);
    return voices.find((v) => v.localService && v.lang.toLowerCase() === lang.toLowerCase())
      || voices.find((v) => v.localService) || voices[0];
  }

  /** The text nodes of each block of the main text, in reading order. */
  function blocks(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const block = node.parentElement.closest(BLOCKS);
      if (found.at(-1)?.block !== block) found.push({ block, nodes: [] });
      found.at(-1).nodes.push(node);
    }
    return found;
  }

  /** The sentences of a text, as [start, end] offsets. */
  function split(text) {
    if (window.Intl?.Segmenter) {
      const segments = new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text);
      return [...segments].map((s) => [s.index, s.index + s.segment.length]);
    }
    return [...text.matchAll(/[^.!?…]+(?:[.!?…]+["»”)]*\s*|$)/g)].map((m) => [m.index, m.index + m[0].length]);
  }

  /** The sentences of the main text: what is said, and the range of the page it covers. */
  function sentences() {
    const main = document.querySelector('main');
    const found = [];
    for (const { block, nodes } of blocks(main)) {
      const starts = [];
      let text = '';
      for (const node of nodes) {
        starts.push(text.length);
        text += node.data;
      }
      /** The text node and offset of a character of the block's text. */
      const at = (offset) => {
        let i = starts.length - 1;
        while (i > 0 && starts[i] > offset) i--;
        return [nodes[i], Math.min(offset - starts[i], nodes[i].length)];
      };
      for (const [start, end] of split(text)) {
        const said = text.slice(start, end).replace(/\s+/g, ' ').trim();
        if (!/[\p{L}\p{N}]/u.test(said)) continue;
        const range = document.createRange();
        range.setStart(...at(start + text.slice(start, end).search(/\S/)));
        range.setEnd(...at(start + text.slice(start, end).trimEnd().length));
        found.push({ said, range, block });
      }
    }
    return found;
  }

  /** Shows the sentence being read: a highlight of its text, or of its block where the
   * browser has no CSS highlights. */
  function highlight(sentence) {
    if (window.CSS?.highlights && typeof Highlight === 'function') {
      if (sentence) CSS.highlights.set('listen', new Highlight(sentence.range)); else CSS.highlights.delete('listen');
    } else {
      document.querySelector('.listen-current')?.classList.remove('listen-current');
      sentence?.block.classList.add('listen-current');
    }
    const rect = sentence?.range.getBoundingClientRect();
    if (rect && (rect.top < 0 || rect.bottom > innerHeight)) sentence.block.scrollIntoView({ block: 'center' });
  }

  const reading = { list: [], at: 0, utterance: null, state: 'stopped' };

  /** Says where reading stands, on the buttons and to screen readers. */
  function show(state) {
    reading.state = state;
    const word = { playing: 'pause', paused: 'resume' }[state] || 'listen';
    play.querySelector('span').textContent = box.dataset[word];
    stop.hidden = state === 'stopped' || state === 'finished';
    status.textContent = box.dataset[state];
  }

  /** Reads the sentence `at`, then the next ones. */
  function speak(at) {
    const sentence = reading.list[at];
    if (!sentence) {
      end('finished');
      return;
    }
    reading.at = at;
    const utterance = new SpeechSynthesisUtterance(sentence.said);
    utterance.lang = lang;
    utterance.voice = voice() || null;
    utterance.rate = slower.getAttribute('aria-pressed') === 'true' ? SLOW : 1;
    utterance.onend = () => reading.utterance === utterance && speak(at + 1);
    utterance.onerror = utterance.onend;
    reading.utterance = utterance;
    highlight(sentence);
    speech.speak(utterance);
  }

  /** Stops the voice, forgetting the utterance first so that its end reads nothing more. */
  function silence() {
    reading.utterance = null;
    speech.cancel();
  }

  function end(state) {
    silence();
    highlight(null);
    show(state);
  }

  play.addEventListener('click', () => {
    if (reading.state === 'playing') {
      silence();
      show('paused');
    } else if (reading.state === 'paused') {
      show('playing');
      speak(reading.at);
    } else {
      reading.list = sentences();
      show('playing');
      speak(0);
    }
  });
  stop.addEventListener('click', () => {
    end('stopped');
    play.focus();
  });
  slower.addEventListener('click', () => {
    slower.setAttribute('aria-pressed', String(slower.getAttribute('aria-pressed') !== 'true'));
    if (reading.state === 'playing') {
      silence();
      // Chrome drops an utterance spoken right after cancel(): the sentence starts again a
      // moment later, at the new speed.
      setTimeout(() => reading.state === 'playing' && !reading.utterance && speak(reading.at), 50);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (reading.state === 'playing' || reading.state === 'paused')) end('stopped');
  });
  addEventListener('pagehide', () => speech.cancel());

  /** The controls show once the browser says it has a voice for the page's language. */
  const offer = () => {
    if (box.hidden && voice()) {
      box.hidden = false;
      show('stopped');
      status.textContent = '';
    }
  };
  offer();
  speech.addEventListener?.('voiceschanged', offer);
})();
