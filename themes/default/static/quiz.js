// Quizzes: a button under each question checks the reader's choice, says whether it is
// right in a live region, and opens the answer. Without this script, the answer is one
// click away in its <details>.
(() => {
  'use strict';
  for (const quiz of document.querySelectorAll('.quiz')) {
    for (const question of quiz.querySelectorAll('.quiz-question')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'quiz-check';
      button.textContent = quiz.dataset.check;
      const feedback = document.createElement('p');
      feedback.className = 'quiz-feedback';
      feedback.setAttribute('role', 'status');
      question.querySelector('.quiz-answer').before(button, feedback);
      button.addEventListener('click', () => {
        const inputs = [...question.querySelectorAll('input')];
        const right = inputs.every((input) => input.checked === input.hasAttribute('data-correct'));
        feedback.textContent = right ? quiz.dataset.right : quiz.dataset.wrong;
        feedback.classList.toggle('is-right', right);
        for (const input of inputs) {
          const item = input.closest('li');
          item.classList.toggle('is-right', input.hasAttribute('data-correct'));
          item.classList.toggle('is-wrong', input.checked && !input.hasAttribute('data-correct'));
        }
        question.querySelector('.quiz-answer').open = true;
      });
    }
  }
})();
