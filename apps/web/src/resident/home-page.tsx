import { Link, usePageTitle } from '../router';

export function HomePage() {
  usePageTitle('Find your way to a job');
  return (
    <div className="hero">
      <h1>Find your way to a job you want</h1>
      <p className="lead">
        Tell us what you can do. We will show you the jobs near you that are within reach, and a step-by-step
        plan of free or low-cost courses to get there.
      </p>
      <ul className="ticks">
        <li>Start from any level, even if you are new to computers</li>
        <li>See what each step costs, how long it takes and how far away it is</li>
        <li>Works on your phone</li>
      </ul>
      <p className="actions">
        <Link href="/signup" className="button">
          Get started
        </Link>
        <Link href="/login" className="button button--secondary">
          Log in
        </Link>
      </p>
    </div>
  );
}
