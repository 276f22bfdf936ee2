// Last line of defence: a render error shows a banner instead of a blank page.
import { Component, type ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';

export class ErrorBoundary extends Component<{ children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(err: unknown) {
    return { message: `The interface failed: ${err instanceof Error ? err.message : String(err)}` };
  }

  override render() {
    return this.state.message ? <ErrorBanner message={this.state.message} /> : this.props.children;
  }
}
