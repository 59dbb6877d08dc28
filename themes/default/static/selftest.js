// The self-diagnostic: one statement at a time with large answer buttons, then a level per
// DigComp area and the courses and learning paths that teach what is not yet mastered.
// Everything stays in the page: nothing is stored or sent. Without this script, the
// statements are a questionnaire to fill in on screen or on paper.
(() => {
  'use strict';

  const element = (name, className, text) => {
    const e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  for (const form of document.querySelectorAll('form[data-selftest]')) {
    const data = JSON.parse(form.dataset.selftest);
    const labels = data.labels;
    const items = [...form.querySelectorAll('.selftest-statements > li')];
    const answers = new Array(items.length).fill(null);
    const status = element('p', 'selftest-progress');
    status.setAttribute('role', 'status');
    const back = element('button', 'selftest-back', labels.previous);
    back.type = 'button';
    const result = element('section', 'selftest-result');
    result.hidden = true;
    form.before(status);
    form.after(back, result);
    form.classList.add('is-stepped');
    let current = 0;

    function show(n) {
      current = n;
      items.forEach((item, i) => { item.hidden = i !== n; });
      status.textContent = labels.question.replace('{n}', n + 1).replace('{count}', items.length);
      back.hidden = n === 0;
      const fieldset = items[n].querySelector('fieldset');
      fieldset.tabIndex = -1;
      fieldset.focus();
    }

    // Each answer becomes a large button: choosing it moves on (radio buttons would answer
    // as soon as the arrow keys move between them).
    items.forEach((item, index) => {
      const choices = element('div', 'selftest-answers');
      for (const label of item.querySelectorAll('label')) {
        const input = label.querySelector('input');
        const button = element('button', null, label.textContent.trim());
        button.type = 'button';
        button.addEventListener('click', () => {
          input.checked = true;
          answers[index] = Number(input.value);
          if (index + 1 < items.length) show(index + 1); else finish();
        });
        choices.append(button);
        label.hidden = true;
      }
      item.querySelector('fieldset').append(choices);
    });
    back.addEventListener('click', () => show(Math.max(0, current - 1)));

    function finish() {
      form.hidden = true;
      back.hidden = true;
      status.textContent = '';
      result.replaceChildren(...resultContent());
      result.hidden = false;
      result.querySelector('h2').focus();
    }

    function resultContent() {
      const title = element('h2', null, labels.result);
      title.tabIndex = -1;
      const areas = element('dl', 'selftest-areas');
      for (const [area, name] of Object.entries(labels.areas)) {
        const levels = data.statements
          .filter((s, i) => s.area === area && answers[i] === 0)
          .map((s) => s.level);
        const best = levels.length ? labels.levels[Math.max(...levels) - 1] : labels.not_yet;
        const row = element('div');
        row.append(element('dt', null, `${area}. ${name}`), element('dd', null, best));
        areas.append(row);
      }
      const courses = new Map();
      const paths = new Map();
      data.statements.forEach((s, i) => {
        if (answers[i] === 0) return;
        const found = data.recommendations[s.competence] || { courses: [], paths: [] };
        found.courses.forEach((c) => courses.set(c.u, c));
        found.paths.forEach((p) => paths.set(p.u, p));
      });
      const list = (heading, links) => {
        const h = element('h3', null, heading);
        const ul = element('ul', 'selftest-links');
        for (const link of links.values()) {
          const li = element('li');
          const a = element('a', null, link.t);
          a.href = link.u;
          li.append(a);
          ul.append(li);
        }
        return [h, ul];
      };
      const content = [title, areas];
      if (courses.size) {
        if (paths.size) content.push(...list(labels.paths, paths));
        content.push(...list(labels.courses, courses));
      } else {
        content.push(element('p', null, labels.nothing));
      }
      const actions = element('p', 'selftest-actions');
      const print = element('button', null, labels.print);
      print.type = 'button';
      print.addEventListener('click', () => window.print());
      const restart = element('button', null, labels.restart);
      restart.type = 'button';
      restart.addEventListener('click', () => {
        form.reset();
        answers.fill(null);
        result.hidden = true;
        form.hidden = false;
        show(0);
      });
      actions.append(print, restart);
      content.push(actions);
      return content;
    }

    items.forEach((item, i) => { item.hidden = i !== 0; });
    status.textContent = labels.question.replace('{n}', 1).replace('{count}', items.length);
    back.hidden = true;
  }
})();
