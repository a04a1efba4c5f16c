import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="empty-state">
      <h1>Nothing here</h1>
      <p>This page does not exist. <Link to="/">Search the catalog</Link> instead.</p>
    </section>
  );
}
