'use strict';
// The web dashboard: reads the dashboard API, draws it, and keeps it live from the Server-Sent Events stream.
// The stream is read with fetch (EventSource cannot send the API key header).

const TEXT = {
  id: {
    title: 'Dasbor Mal Pelayanan Publik', apiKey: 'Kunci API', scope: 'Cakupan', national: 'Nasional', mpp: 'MPP',
    agency: 'Instansi', from: 'Dari', to: 'Sampai', show: 'Tampilkan', submitted: 'Permohonan masuk',
    decided: 'Diputuskan', completionRate: 'Tingkat penyelesaian', withinStandard: 'Tepat waktu (standar pelayanan)',
    leadTime: 'Waktu proses (median / p90)', openOverdue: 'Terlambat, masih terbuka', breaches: 'Pelanggaran standar',
    deemedApproved: 'Dianggap dikabulkan', digitalTakeUp: 'Pengajuan daring', skm: 'Indeks Kepuasan Masyarakat (SKM)',
    visits: 'Kunjungan', backlog: 'Antrean terbuka', perDay: 'Per hari', backlogByStatus: 'Antrean menurut status',
    weekVisits: 'Kunjungan minggu ini', highest: 'Tertinggi', lowest: 'Terendah', services: 'Per layanan',
    service: 'Layanan', overdueList: 'Permohonan terlambat', trackingNumber: 'Nomor', dueAt: 'Batas waktu',
    daysOverdue: 'Hari terlambat', updated: 'Diperbarui', live: 'langsung', completed: 'Selesai', rejected: 'Ditolak',
    withdrawn: 'Dicabut', hours: 'jam', ratings: 'penilaian', days: 'hari', needKey: 'Masukkan kunci API.',
    failed: 'Gagal memuat dasbor', reconnecting: 'Koneksi langsung terputus, menyambung ulang…',
    SUBMITTED: 'Diajukan', RETURNED_FOR_CORRECTION: 'Dikembalikan', ROUTED: 'Diteruskan', IN_PROCESS: 'Diproses',
    AWAITING_DOCUMENTS: 'Menunggu dokumen'
  },
  en: {
    title: 'Public Service Mall Dashboard', apiKey: 'API key', scope: 'Scope', national: 'National', mpp: 'MPP',
    agency: 'Agency', from: 'From', to: 'To', show: 'Show', submitted: 'Applications submitted', decided: 'Decided',
    completionRate: 'Completion rate', withinStandard: 'Within service standard', leadTime: 'Lead time (median / p90)',
    openOverdue: 'Open and overdue', breaches: 'Standard breaches', deemedApproved: 'Deemed approved',
    digitalTakeUp: 'Digital take-up', skm: 'Satisfaction index (SKM)', visits: 'Visits', backlog: 'Open backlog',
    perDay: 'Per day', backlogByStatus: 'Backlog by status', weekVisits: "This week's visits", highest: 'Highest',
    lowest: 'Lowest', services: 'Per service', service: 'Service', overdueList: 'Overdue applications',
    trackingNumber: 'Number', dueAt: 'Due', daysOverdue: 'Days overdue', updated: 'Updated', live: 'live',
    completed: 'Completed', rejected: 'Rejected', withdrawn: 'Withdrawn', hours: 'h', ratings: 'ratings', days: 'days',
    needKey: 'Enter an API key.', failed: 'Could not load the dashboard', reconnecting: 'Live connection lost, reconnecting…',
    SUBMITTED: 'Submitted', RETURNED_FOR_CORRECTION: 'Returned', ROUTED: 'Routed', IN_PROCESS: 'In process',
    AWAITING_DOCUMENTS: 'Awaiting documents'
  }
};

const $ = (id) => document.getElementById(id);
let language = sessionStorage.getItem('language') || 'id';
let current = null;
let stream = null;
let charts = {};

function t(key) { return TEXT[language][key] || key; }

function translate() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
  $('language').textContent = language === 'id' ? 'EN' : 'ID';
  if (current) render(current);
}

function headers() {
  return { 'X-Api-Key': $('api-key').value.trim(), 'Accept': 'application/json' };
}

async function getJson(path) {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || response.status + ' ' + response.statusText);
  }
  return response.json();
}

function scopePath() {
  const kind = $('scope-kind').value;
  if (kind === 'mpp') {
    const agency = $('agency').value;
    return '/api/v1/dashboards/mpps/' + encodeURIComponent($('mpp').value) + (agency ? '?agencyCode=' + encodeURIComponent(agency) : '');
  }
  if (kind === 'agency') return '/api/v1/dashboards/agencies/' + encodeURIComponent($('agency').value);
  return '/api/v1/dashboards/national';
}

function withPeriod(path) {
  const params = new URLSearchParams();
  if ($('from').value) params.set('from', $('from').value);
  if ($('to').value) params.set('to', $('to').value);
  const query = params.toString();
  if (!query) return path;
  return path + (path.includes('?') ? '&' : '?') + query;
}

function streamPath() {
  const [base, query] = scopePath().split('?');
  return withPeriod(base + '/stream' + (query ? '?' + query : ''));
}

const number = (value) => value === null || value === undefined ? '–' : value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
const percent = (share) => share === null || share === undefined ? '–' : (share * 100).toFixed(1) + '%';
const hours = (value) => value === null || value === undefined ? '–' : number(value) + ' ' + t('hours');

function render(view) {
  current = view;
  $('dashboard').hidden = false;
  $('scope-title').textContent = view.title;
  $('period').textContent = view.period.from + ' – ' + view.period.to + ' (' + view.period.days + ' ' + t('days') + ')';
  $('submitted').textContent = number(view.totals.submitted);
  $('decided').textContent = number(view.totals.decided);
  $('completion-rate').textContent = percent(view.completionRate);
  $('within-standard').textContent = percent(view.decidedWithinStandardShare);
  $('lead-time').textContent = hours(view.leadTime.medianHours) + ' / ' + hours(view.leadTime.p90Hours);
  $('open-overdue').textContent = number(view.openOverdue);
  $('breaches').textContent = number(view.totals.breached);
  $('deemed-approved').textContent = number(view.totals.deemedApproved);
  $('digital-take-up').textContent = percent(view.digitalTakeUp);
  $('skm').textContent = view.skm.index === null ? '–'
    : view.skm.index.toFixed(2) + ' (' + view.skm.band + ', ' + number(view.skm.ratings) + ' ' + t('ratings') + ')';
  $('visits').textContent = number(view.totals.visits);
  $('backlog-total').textContent = number(view.backlog.total);
  $('generated-at').textContent = new Date(view.generatedAt).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  renderCharts(view);
  renderRanking(view.weekVisits);
  renderServices(view.services);
}

function renderCharts(view) {
  if (!window.echarts) return;
  charts.series = charts.series || echarts.init($('series-chart'));
  charts.backlog = charts.backlog || echarts.init($('backlog-chart'));
  const days = view.series.map(day => day.date.slice(5));
  const line = (key) => ({ name: t(key), type: key === 'submitted' ? 'bar' : 'line', data: view.series.map(day => day[key]) });
  charts.series.setOption({
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 10, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
    series: ['submitted', 'decided', 'completed', 'rejected', 'withdrawn'].map(line)
  }, true);
  const statuses = Object.keys(view.backlog.byStatus);
  charts.backlog.setOption({
    tooltip: {}, grid: { left: 10, right: 20, top: 10, bottom: 20, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: statuses.map(t) },
    series: [{ type: 'bar', data: statuses.map(status => view.backlog.byStatus[status]), itemStyle: { color: '#0b6e4f' } }]
  }, true);
}

function renderRanking(ranking) {
  $('ranking').hidden = !ranking;
  if (!ranking) return;
  const fill = (list, entries) => {
    list.replaceChildren(...entries.map(entry => {
      const item = document.createElement('li');
      item.textContent = entry.mppCode + ': ' + number(entry.visits);
      return item;
    }));
  };
  fill($('highest'), ranking.highest);
  fill($('lowest'), ranking.lowest);
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderServices(services) {
  $('services').replaceChildren(...services.map(service => {
    const row = document.createElement('tr');
    row.append(cell(service.serviceCode), cell(number(service.submitted), 'number'), cell(number(service.decided), 'number'),
      cell(hours(service.leadTime.medianHours) + ' / ' + hours(service.leadTime.p90Hours)),
      cell(percent(service.decidedWithinStandardShare), 'number'));
    return row;
  }));
}

async function loadOverdue() {
  const params = new URLSearchParams({ overdue: 'true', size: '20' });
  if ($('scope-kind').value === 'mpp') params.set('mppCode', $('mpp').value);
  if ($('agency').value && $('scope-kind').value !== 'national') params.set('agencyCode', $('agency').value);
  try {
    const page = await getJson('/api/v1/applications?' + params);
    $('overdue').replaceChildren(...page.content.map(line => {
      const row = document.createElement('tr');
      const time = line.serviceTime || {};
      row.append(cell(line.trackingNumber), cell(line.mppCode), cell(line.serviceCode),
        cell(time.dueAt ? time.dueAt.replace('T', ' ').slice(0, 16) : '–'),
        cell(time.daysRemaining === null || time.daysRemaining === undefined ? '–' : String(-time.daysRemaining), 'number late'));
      return row;
    }));
  } catch (error) {
    $('overdue').replaceChildren();
  }
}

async function follow() {
  if (stream) stream.abort();
  const controller = new AbortController();
  stream = controller;
  try {
    const response = await fetch(streamPath(), { headers: { ...headers(), 'Accept': 'text/event-stream' }, signal: controller.signal });
    if (!response.ok) throw new Error(String(response.status));
    $('live').hidden = false;
    $('status').textContent = '';
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5)).join('\n');
        if (data) {
          render(JSON.parse(data));
          loadOverdue();
        }
      }
    }
  } catch (error) {
    if (controller.signal.aborted) return;
  }
  if (stream === controller) {
    $('live').hidden = true;
    $('status').textContent = t('reconnecting');
    setTimeout(() => { if (stream === controller) follow(); }, 3000);
  }
}

async function show(event) {
  if (event) event.preventDefault();
  if (!$('api-key').value.trim()) {
    $('status').textContent = t('needKey');
    return;
  }
  sessionStorage.setItem('apiKey', $('api-key').value.trim());
  $('status').textContent = '';
  try {
    render(await getJson(withPeriod(scopePath())));
    loadOverdue();
    follow();
  } catch (error) {
    $('status').textContent = t('failed') + ': ' + error.message;
  }
}

function scopeChanged() {
  const kind = $('scope-kind').value;
  $('mpp-field').hidden = kind !== 'mpp';
  $('agency-field').hidden = kind === 'national';
}

async function loadCatalogue() {
  const [mpps, agencies] = await Promise.all([
    fetch('/api/v1/catalogue/mpps').then(response => response.json()),
    fetch('/api/v1/catalogue/agencies').then(response => response.json())]);
  $('mpp').replaceChildren(...mpps.map(mpp => new Option(mpp.name, mpp.code)));
  $('agency').append(...agencies.map(agency => new Option(agency.name, agency.code)));
}

document.addEventListener('DOMContentLoaded', async () => {
  $('api-key').value = sessionStorage.getItem('apiKey') || '';
  $('language').addEventListener('click', () => {
    language = language === 'id' ? 'en' : 'id';
    sessionStorage.setItem('language', language);
    translate();
  });
  $('scope-kind').addEventListener('change', scopeChanged);
  $('controls').addEventListener('submit', show);
  window.addEventListener('resize', () => Object.values(charts).forEach(chart => chart.resize()));
  translate();
  scopeChanged();
  await loadCatalogue().catch(() => {});
  if ($('api-key').value) show();
});
