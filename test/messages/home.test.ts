import { describe, expect, it } from 'vitest';
import { summariseHome } from '../../src/core/reports.js';
import { homeView } from '../../src/messages/home.js';

const NOW = new Date('2026-12-01T09:00:00Z');

describe('App Home for a new person', () => {
  it('is a start card with every LP new, and no zero streak', () => {
    const text = JSON.stringify(homeView(summariseHome([], 0, 0, NOW)).blocks);
    expect(text).toContain('Start here');
    expect(text).toContain(':new: Customer Obsession');
    expect(text).not.toContain(':fire:');
    expect(text).not.toMatch(/weakest/i);
  });
});
