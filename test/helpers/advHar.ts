/**
 * A minimal HAR 1.2 file of one HTML page, as a browser's "Save all as HAR" writes it: for the
 * adversarial reproductions (test/integration/adv-ui, test/e2e/adv-*) that need a hostile capture.
 */
export function oneHtmlPageHar(options: { url: string; html: string; tool?: string; startedDateTime?: string }): string {
  const { url, html } = options;
  // As the browser wrote it: some tools leave the zone out ("2024-03-01T12:00:00.000").
  const started = options.startedDateTime ?? '2023-12-07T10:00:00.000Z';
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: options.tool ?? 'Browser', version: '1' },
      pages: [{ id: 'p1', startedDateTime: started, title: 'page' }],
      entries: [
        {
          pageref: 'p1',
          startedDateTime: started,
          time: 1,
          request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
          response: {
            status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: 'text/html' }], cookies: [],
            content: { size: html.length, mimeType: 'text/html', text: html }, redirectURL: '', headersSize: -1, bodySize: html.length,
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        },
      ],
    },
  });
}
