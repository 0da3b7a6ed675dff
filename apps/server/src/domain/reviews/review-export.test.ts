import type { ReviewExport } from '@spreekkamer/shared';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportMarkdown } from './review-export.js';

const data: ReviewExport = {
  recordingId: '00000000-0000-4000-8000-000000000001',
  conversationHeldOn: '2025-03-04',
  exportedAt: '2025-03-05T10:00:00.000Z',
  moments: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      recordingId: '00000000-0000-4000-8000-000000000001',
      startSeconds: 65.2,
      endSeconds: 3725,
      title: '<script>alert(1)</script> # kop',
      themes: ['resistance', 'flow'],
      notes: 'regel 1\n<img src=x onerror=alert(1)>',
      createdAt: '2025-03-05T09:00:00.000Z',
      updatedAt: '2025-03-05T09:00:00.000Z',
      takeaways: [{ kind: 'alternative', body: '=HYPERLINK("http://x")', authorName: 'Youssef' }],
    },
  ],
  outcomes: [{ kind: 'agreement', text: '+1 probeer stilte', authorName: 'Sanne', createdAt: '2025-03-05T09:30:00.000Z' }],
};

describe('review export', () => {
  it('writes Markdown in which HTML stays text', () => {
    const md = exportMarkdown(data);
    expect(md).toContain('### 1:05–1:02:05 &lt;script&gt;alert(1)&lt;/script&gt; \\# kop');
    expect(md).toContain('> &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain("Thema's: Weerstand, Flow");
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('## Afspraken');
  });

  it('writes CSV with quoted cells and no formulas', () => {
    const csv = exportCsv(data);
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"<script>alert(1)</script> # kop"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[3]).toContain(`"'+1 probeer stilte"`);
  });
});
