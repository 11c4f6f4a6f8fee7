// Labels in English and Chinese, switchable; reference names (areas, countries, modes...) from /names.json.

const TEXT = {
  brand: ['Customs trade console', '海关贸易统计控制台'],
  loading: ['Loading…', '加载中…'],
  logout: ['Log out', '退出'],
  liveHint: ['Figures refresh every 5 seconds', '数据每5秒刷新'],
  live: ['live', '实时'],
  overview: ['Overview', '总览'],
  breakdowns: ['Breakdowns', '分类统计'],
  areas: ['My areas', '我的特殊区域'],
  allAreas: ['All areas by province', '各省特殊区域'],
  declarations: ['Declarations', '报关单'],
  operations: ['Pipeline', '运行状态'],
  forbidden: ['This page is not open to your role.', '您的角色无权访问此页面。'],
  month: ['Month', '月份'],
  from: ['From', '起'],
  to: ['To', '止'],
  monthPeriod: ['The month', '当月'],
  yearToDate: ['Year to date', '年初至今'],
  imports: ['Imports', '进口'],
  exports: ['Exports', '出口'],
  total: ['Total trade', '进出口总值'],
  balance: ['Balance', '贸易差额'],
  yoy: ['Year on year', '同比'],
  mom: ['Month on month', '环比'],
  zoneShare: ["Areas' share", '特殊区域占比'],
  declarationsCount: ['Declarations', '报关单数'],
  series: ['Monthly trade (CNY)', '月度进出口（人民币元）'],
  partners: ['Partners', '贸易伙伴'],
  regions: ['Regions', '区域'],
  commodities: ['Commodities (HS sections)', '商品（HS类）'],
  tradeModes: ['Supervision modes', '监管方式'],
  regimes: ['Statistical regimes', '贸易方式'],
  downloadCsv: ['Download CSV', '下载CSV'],
  rank: ['Rank', '排名'],
  name: ['Name', '名称'],
  code: ['Code', '代码'],
  share: ['Share', '占比'],
  byFlow: ['By flow', '按流向'],
  byMode: ['By supervision mode', '按监管方式'],
  flow: ['Flow', '流向'],
  rankAmong: ['Rank among all areas', '在全部区域中排名'],
  province: ['Province', '省份'],
  areaCount: ['Areas', '区域数'],
  type: ['Type', '类型'],
  search: ['Find by number', '按编号查询'],
  find: ['Find', '查询'],
  list: ['My declarations', '我的报关单'],
  file: ['File a declaration', '申报'],
  amend: ['Amend', '修改'],
  cancel: ['Cancel', '撤销'],
  save: ['Submit', '提交'],
  revisions: ['Revisions', '修改记录'],
  status: ['Status', '状态'],
  date: ['Date', '日期'],
  direction: ['Direction', '进出口'],
  zone: ['Area', '区域'],
  partner: ['Partner', '贸易国别'],
  addItem: ['Add item', '添加商品'],
  filed: ['Filed', '已申报'],
  amended: ['Amended', '已修改'],
  cancelled: ['Cancelled', '已撤销'],
  notFound: ['Not found', '未找到'],
  lag: ['Consumer lag (records)', '消费滞后（条）'],
  applied: ['Declarations applied', '已处理报关单'],
  deadLetters: ['Dead letters', '死信'],
  reason: ['Reason', '原因'],
  outbox: ['Outbox', '发件箱'],
  pending: ['Waiting to be relayed', '待发送'],
  oldest: ['Oldest waiting (s)', '最久等待（秒）'],
  parked: ['Refused by Kafka (parked)', '被Kafka拒收（搁置）'],
  relayed: ['Relayed since start', '启动以来已发送'],
  broker: ['Kafka', 'Kafka'],
  reachable: ['reachable', '可达'],
  unreachable: ['unreachable', '不可达'],
  simulator: ['Simulator', '模拟器'],
  running: ['Running', '运行中'],
  stopped: ['Stopped', '已停止'],
  start: ['Start', '启动'],
  stop: ['Stop', '停止'],
  rate: ['Declarations per second', '每秒报关单'],
  sent: ['Sent', '已发送'],
  exchangeRates: ['Exchange rates (CNY per unit)', '汇率（人民币/单位外币）'],
  currency: ['Currency', '币种'],
  publish: ['Publish', '发布'],
  read: ['Read', '查看'],
  error: ['Error', '错误'],
  saved: ['Saved', '已保存'],
  none: ['None', '无'],
  items: ['Items', '商品项数'],
  'regime.GENERAL_TRADE': ['General trade', '一般贸易'],
  'regime.PROCESSING_TRADE': ['Processing trade', '加工贸易'],
  'regime.BONDED_LOGISTICS': ['Bonded logistics', '保税物流'],
  'regime.OTHER': ['Other', '其他'],
  'flow.FIRST_LINE': ['First line (with abroad)', '一线（境外）'],
  'flow.SECOND_LINE': ['Second line (with the domestic market)', '二线（境内区外）'],
  'flow.INTRA_ZONE': ['Within or between areas', '区内及区间'],
};

const LANG = 'customs.console.lang';
let lang = localStorage.getItem(LANG) === 'zh' ? 'zh' : 'en';
let names = {};

export function setNames(all) {
  names = all;
}

export function language() {
  return lang;
}

export function toggleLanguage() {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem(LANG, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function t(key) {
  const entry = TEXT[key];
  return entry ? entry[lang === 'zh' ? 1 : 0] : key;
}

/** A reference name in the current language: Chinese where known, else English, else the code itself. */
export function name(kind, code, fallback) {
  const label = names[kind]?.[code];
  if (!label) {
    return fallback ?? code;
  }
  return lang === 'zh' && label.zh ? label.zh : label.en;
}

/** Fills the static labels of the page frame (elements with data-i18n). */
export function translateFrame() {
  document.querySelectorAll('[data-i18n]').forEach(el => {
    el.textContent = t(el.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-title]').forEach(el => {
    el.title = t(el.dataset.i18nTitle);
  });
}
