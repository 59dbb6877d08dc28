// Learning paths: the courses a reader has finished, kept in this browser only
// (localStorage, never sent anywhere). A course in a path gets an "I have finished this
// course" button; the path's page shows which steps are done and how many.
(() => {
  'use strict';
  const KEY = 'parcours.done';
  const read = () => {
    try {
      return new Set(JSON.parse(localStorage.getItem(KEY)) || []);
    } catch {
      return new Set();
    }
  };
  const write = (done) => {
    try {
      localStorage.setItem(KEY, JSON.stringify([...done]));
    } catch { /* storage refused: progress is not kept */ }
  };

  for (const nav of document.querySelectorAll('.path-nav')) {
    const mark = nav.querySelector('.path-mark');
    const button = mark.querySelector('button');
    const course = nav.dataset.course;
    const show = () => button.setAttribute('aria-pressed', String(read().has(course)));
    button.addEventListener('click', () => {
      const done = read();
      if (done.has(course)) done.delete(course); else done.add(course);
      write(done);
      document.querySelectorAll('.path-mark button').forEach((b) => b.setAttribute('aria-pressed', String(done.has(course))));
    });
    show();
    mark.hidden = false;
  }

  for (const path of document.querySelectorAll('.learning-path')) {
    const done = read();
    const steps = [...path.querySelectorAll('.path-steps > li')];
    let count = 0;
    for (const step of steps) {
      const finished = done.has(step.dataset.course);
      step.querySelector('.path-done').hidden = !finished;
      step.classList.toggle('is-done', finished);
      if (finished) count++;
    }
    const progress = path.querySelector('.path-progress');
    progress.textContent = progress.dataset.template.replace('{done}', count).replace('{count}', steps.length);
    progress.hidden = false;
  }
})();
