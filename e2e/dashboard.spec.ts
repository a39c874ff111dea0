import { expect, test } from './support/fixtures';
import { DEMO_TODOS, DEMO_USER } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/** Issue test 1: the dashboard's todo list, through the UI as a person uses it. */
test.describe('dashboard', () => {
  test.beforeEach(async ({ page }) => {
    await startSignedIn(page);
  });

  test('greets the demo user and shows the seeded todos', async ({ page }) => {
    await expect(page.getByRole('main')).toContainText(`Hello, ${DEMO_USER.displayName}!`);
    const todos = page.getByRole('list', { name: 'Your todos' }).getByRole('listitem');
    await expect(todos).toHaveCount(DEMO_TODOS.length);
    for (const [i, title] of DEMO_TODOS.entries()) {
      await expect(todos.nth(i).getByRole('checkbox', { name: title })).toBeVisible();
    }
    await expect(page.getByRole('checkbox', { name: DEMO_TODOS[0] })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: DEMO_TODOS[1] })).not.toBeChecked();
    await expect(page.getByRole('main')).toContainText('2 of 3 open');
  });

  test('adds, completes and deletes a todo', async ({ page }) => {
    const title = `Buy oat milk ${Date.now()}`;
    const todos = page.getByRole('list', { name: 'Your todos' }).getByRole('listitem');
    const checkbox = page.getByRole('checkbox', { name: title });
    await expect(todos).toHaveCount(DEMO_TODOS.length);

    await page.getByLabel('New todo').fill(title);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(checkbox).toBeVisible();
    await expect(checkbox).not.toBeChecked();
    await expect(page.getByLabel('New todo')).toHaveValue('');
    await expect(todos).toHaveCount(DEMO_TODOS.length + 1);

    await checkbox.check();
    await expect(checkbox).toBeChecked();
    await expect(checkbox).toBeEnabled();
    await expect(todos.filter({ hasText: title })).toContainText('Done');

    await page.getByRole('button', { name: `Delete "${title}"` }).click();
    await expect(checkbox).toHaveCount(0);
    await expect(todos).toHaveCount(DEMO_TODOS.length);

    // The server kept every change: a reload shows the same list.
    await page.reload();
    await expect(todos).toHaveCount(DEMO_TODOS.length);
    await expect(page.getByRole('checkbox', { name: title })).toHaveCount(0);
  });

  test('asks for a title instead of adding an empty todo', async ({ page }) => {
    await page.getByRole('button', { name: 'Add', exact: true }).click();

    await expect(page.getByLabel('New todo')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('New todo')).toHaveAccessibleDescription('Type the todo first.');
    await expect(page.getByRole('list', { name: 'Your todos' }).getByRole('listitem')).toHaveCount(
      DEMO_TODOS.length,
    );
  });

  test('a completed todo stays completed after a reload', async ({ page }) => {
    const checkbox = page.getByRole('checkbox', { name: DEMO_TODOS[1] });
    await checkbox.check();
    await expect(checkbox).toBeChecked();
    await expect(checkbox).toBeEnabled();

    await page.reload();

    await expect(page.getByRole('checkbox', { name: DEMO_TODOS[1] })).toBeChecked();
  });
});
