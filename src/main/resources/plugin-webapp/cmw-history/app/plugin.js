/*
 * 流程歷史審計 — the auditors' history in Cockpit (server side: com.tobacco.cmw.audit).
 *
 * Cockpit of the Community Edition lists running instances only; this page lists finished and
 * running instances of every process the user may read, and shows one instance whole: diagram with
 * the path taken and counts, timeline (who, when, how long), variables as they changed, decisions,
 * incidents and the user operation log. Read-only: it sends GET requests only.
 *
 * Plain JavaScript, no build step: Cockpit loads this module for the registered plugin.
 */

const PATH = '/audit-history';

const TEXT = {
  zh: {
    nav: '歷史審計',
    title: '流程歷史審計',
    subtitle: '已結束和運行中的流程實例：誰在何時做了什麼',
    process: '流程',
    allProcesses: '全部流程',
    businessKey: '業務編號',
    customer: '客戶（編號或名稱）',
    startedFrom: '開始日期從',
    startedTo: '至',
    state: '狀態',
    search: '查詢',
    reset: '清空',
    found: '共 {n} 個流程實例',
    none: '沒有符合條件的流程實例。',
    prev: '上一頁',
    next: '下一頁',
    page: '第 {a}–{b} 條',
    loading: '正在加載…',
    back: '← 返回查詢結果',
    customerCol: '客戶',
    start: '開始時間',
    end: '結束時間',
    duration: '耗時',
    startedBy: '發起人',
    version: '版本',
    endReason: '結束原因',
    parent: '上級流程實例',
    diagram: '流程圖（綠色：已經過，藍色：進行中，紅色：有異常；數字為執行次數）',
    timeline: '活動時間線',
    activity: '活動',
    type: '類型',
    assignee: '處理人',
    completedBy: '完成人',
    canceled: '已取消',
    variables: '變量變化',
    time: '時間',
    name: '名稱',
    value: '值',
    revision: '版本號',
    setIn: '所在活動',
    setBy: '操作人',
    decisions: '決策',
    decision: '決策表',
    inputs: '輸入',
    outputs: '輸出',
    incidents: '異常',
    message: '信息',
    created: '發生時間',
    resolved: '結束時間',
    operations: '用戶操作日誌',
    user: '用戶',
    operation: '操作',
    entity: '對象',
    property: '屬性',
    oldValue: '原值',
    newValue: '新值',
    called: '子流程實例',
    emptySection: '無',
    only: '只顯示任務',
    history: '歷史實例',
    open: '查看',
    error: '無法加載：',
    states: {
      ALL: '全部', RUNNING: '運行中', FINISHED: '已結束', COMPLETED: '已完成',
      EXTERNALLY_TERMINATED: '已取消', INTERNALLY_TERMINATED: '已終止（流程內）',
      ACTIVE: '運行中', SUSPENDED: '已掛起', OPEN: '未解決', DELETED: '已刪除'
    },
    types: {
      startEvent: '開始事件', endEvent: '結束事件', noneEndEvent: '結束事件', userTask: '用戶任務',
      serviceTask: '服務任務', businessRuleTask: '業務規則任務', scriptTask: '腳本任務', sendTask: '發送任務',
      receiveTask: '接收任務', manualTask: '手工任務', callActivity: '調用活動', subProcess: '子流程',
      exclusiveGateway: '排他網關', parallelGateway: '並行網關', inclusiveGateway: '包容網關',
      eventBasedGateway: '事件網關', intermediateTimer: '定時器事件', boundaryTimer: '定時邊界事件',
      boundaryError: '錯誤邊界事件', boundaryMessage: '消息邊界事件', intermediateMessageCatch: '消息捕獲事件',
      intermediateNoneThrowEvent: '中間事件', errorEndEvent: '錯誤結束事件', terminateEndEvent: '終止結束事件',
      messageEndEvent: '消息結束事件', startTimerEvent: '定時開始事件', messageStartEvent: '消息開始事件',
      multiInstanceBody: '多實例', boundaryConditional: '條件邊界事件', boundarySignal: '信號邊界事件',
      boundaryEscalation: '升級邊界事件', boundaryCompensation: '補償邊界事件', intermediateSignalCatch: '信號捕獲事件',
      intermediateConditional: '條件事件', intermediateSignalThrow: '信號拋出事件'
    },
    ops: {
      Complete: '完成任務', Claim: '認領', Assign: '指派', Delegate: '委派', Resolve: '解決', SetOwner: '設置所有者',
      Create: '創建', Update: '更新', Delete: '刪除', SetVariable: '設置變量', SetVariables: '設置變量',
      RemoveVariable: '刪除變量', ModifyVariable: '修改變量', Suspend: '掛起', Activate: '激活',
      SuspendJob: '掛起作業', ActivateJob: '激活作業', SetJobRetries: '設置重試次數', SetPriority: '設置優先級',
      ModifyProcessInstance: '修改流程實例', DeleteHistory: '刪除歷史', Migrate: '遷移', RestartProcessInstance: '重啟',
      Correlate: '關聯消息', AddUserLink: '添加用戶關聯', DeleteUserLink: '刪除用戶關聯', AddGroupLink: '添加候選組',
      DeleteGroupLink: '刪除候選組', CreateIncident: '創建異常', SetRemovalTime: '設置清除時間', Unlock: '解鎖',
      SetDueDate: '設置到期日', SetFollowUpDate: '設置跟進日期', Cancel: '取消'
    }
  },
  en: {
    nav: 'History', title: 'Process history', subtitle: 'Finished and running process instances: who did what and when',
    process: 'Process', allProcesses: 'All processes', businessKey: 'Business key', customer: 'Customer (code or name)',
    startedFrom: 'Started from', startedTo: 'to', state: 'State', search: 'Search', reset: 'Clear',
    found: '{n} process instances', none: 'No process instance matches.', prev: 'Previous', next: 'Next',
    page: '{a}–{b}', loading: 'Loading…', back: '← Back to the results', customerCol: 'Customer', start: 'Started',
    end: 'Ended', duration: 'Duration', startedBy: 'Started by', version: 'Version', endReason: 'End reason',
    parent: 'Calling instance',
    diagram: 'Diagram (green: passed, blue: running, red: incident; numbers: how often it ran)',
    timeline: 'Timeline', activity: 'Activity', type: 'Type', assignee: 'Assignee', completedBy: 'Completed by',
    canceled: 'cancelled', variables: 'Variables as they changed', time: 'Time', name: 'Name', value: 'Value',
    revision: 'Revision', setIn: 'In activity', setBy: 'By', decisions: 'Decisions', decision: 'Decision',
    inputs: 'Inputs', outputs: 'Outputs', incidents: 'Incidents', message: 'Message', created: 'Created',
    resolved: 'Ended', operations: 'User operation log', user: 'User', operation: 'Operation', entity: 'Entity',
    property: 'Property', oldValue: 'Old value', newValue: 'New value', called: 'Called instances',
    emptySection: 'None', only: 'Tasks only', history: 'History', open: 'Open', error: 'Could not load: ',
    states: {
      ALL: 'All', RUNNING: 'Running', FINISHED: 'Finished', COMPLETED: 'Completed',
      EXTERNALLY_TERMINATED: 'Cancelled', INTERNALLY_TERMINATED: 'Terminated in the process',
      ACTIVE: 'Running', SUSPENDED: 'Suspended', OPEN: 'Open', DELETED: 'Deleted'
    },
    types: {},
    ops: {}
  }
};

const LANG = (navigator.languages && navigator.languages[0] || navigator.language || 'en').toLowerCase().startsWith('zh')
  ? 'zh' : 'en';
const T = TEXT[LANG];
const SEARCH_STATES = ['ALL', 'RUNNING', 'FINISHED', 'COMPLETED', 'EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED'];

function esc(value) {
  return value === null || value === undefined ? '' : String(value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, k) => values[k]);
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function when(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function lasted(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = LANG === 'zh'
    ? [d && `${d} 天`, h && `${h} 小時`, m && `${m} 分`, !d && !h && `${s % 60} 秒`]
    : [d && `${d} d`, h && `${h} h`, m && `${m} min`, !d && !h && `${s % 60} s`];
  return parts.filter(Boolean).join(' ');
}

function person(id, name) {
  if (!id) {
    return '';
  }
  return name && name !== id ? `${esc(name)} <span class="text-muted">(${esc(id)})</span>` : esc(id);
}

function stateName(state) {
  return T.states[state] || state || '';
}

function apiBase(api) {
  return `${api.cockpitApi}/plugin/cmw-history/${api.engine}`;
}

async function get(api, path, asText) {
  const response = await fetch(apiBase(api) + path, {
    credentials: 'same-origin',
    headers: { Accept: asText ? 'image/svg+xml' : 'application/json' }
  });
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).message || message;
    } catch (e) {
      // not JSON: keep the status text
    }
    throw new Error(`${response.status} ${message}`);
  }
  return asText ? response.text() : response.json();
}

/** The process list with its counts, fetched at most once a minute (26 counts per fetch). */
let definitionsCache = null;

function definitionsOf(api) {
  const now = Date.now();
  if (!definitionsCache || now - definitionsCache.at > 60000) {
    definitionsCache = { at: now, list: get(api, '/definitions') };
    definitionsCache.list.catch(() => {
      definitionsCache = null;
    });
  }
  return definitionsCache.list;
}

/** The page's state lives in the address (#/audit-history?…), so a link to an instance can be shared. */
function params() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
}

function go(values) {
  const p = new URLSearchParams();
  Object.entries(values).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      p.set(k, v);
    }
  });
  const query = p.toString();
  window.location.hash = `#${PATH}${query ? '?' + query : ''}`;
}

function table(headers, rows, cssClass) {
  if (!rows.length) {
    return `<p class="text-muted">${T.emptySection}</p>`;
  }
  return `<table class="table table-condensed cmw-history-table ${cssClass || ''}"><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function resultTable(items) {
  return table([T.businessKey, T.process, T.customerCol, T.state, T.start, T.end, T.duration, T.startedBy],
    items.map((i) => [
      `<a href="#${PATH}?instance=${encodeURIComponent(i.id)}" class="cmw-instance-link">${esc(i.businessKey || i.id)}</a>`,
      `${esc(i.definitionName)} <span class="text-muted">v${esc(i.version)}</span>`,
      i.customerCode ? `${esc(i.customerName || '')} <span class="text-muted">${esc(i.customerCode)}</span>` : '',
      `<span class="cmw-state cmw-state-${esc(i.state)}">${esc(stateName(i.state))}</span>`,
      when(i.startTime), when(i.endTime), lasted(i.durationMs), person(i.startedBy, i.startedByName)
    ]), 'cmw-results');
}

async function renderSearch(node, api, p) {
  node.innerHTML = `<div class="cmw-history"><h2>${T.title}</h2><p class="text-muted">${T.subtitle}</p>`
    + `<form class="form-inline cmw-history-search">`
    + `<label>${T.process} <select name="definitionKey" class="form-control"><option value="">${T.allProcesses}</option></select></label> `
    + `<label>${T.businessKey} <input name="businessKey" class="form-control" maxlength="64"></label> `
    + `<label>${T.customer} <input name="customer" class="form-control" maxlength="60"></label> `
    + `<label>${T.startedFrom} <input name="startedFrom" type="date" class="form-control"></label> `
    + `<label>${T.startedTo} <input name="startedTo" type="date" class="form-control"></label> `
    + `<label>${T.state} <select name="state" class="form-control">${SEARCH_STATES.map((s) => `<option value="${s}">${esc(stateName(s))}</option>`).join('')}</select></label> `
    + `<button type="submit" class="btn btn-primary">${T.search}</button> <button type="button" class="btn btn-default cmw-reset">${T.reset}</button>`
    + `</form><div class="cmw-history-results">${T.loading}</div></div>`;
  const form = node.querySelector('form');
  ['businessKey', 'customer', 'startedFrom', 'startedTo', 'state'].forEach((k) => {
    if (p.get(k)) {
      form.elements[k].value = p.get(k);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    ['definitionKey', 'businessKey', 'customer', 'startedFrom', 'startedTo', 'state'].forEach((k) => {
      values[k] = form.elements[k].value.trim();
    });
    if (values.state === 'ALL') {
      values.state = '';
    }
    go(values);
  });
  node.querySelector('.cmw-reset').addEventListener('click', () => go({}));
  const results = node.querySelector('.cmw-history-results');
  try {
    const definitions = await definitionsOf(api);
    const select = form.elements.definitionKey;
    definitions.forEach((d) => {
      const option = document.createElement('option');
      option.value = d.key;
      option.textContent = `${d.name} (${d.finished} / ${d.running})`;
      select.appendChild(option);
    });
    select.value = p.get('definitionKey') || '';
    const query = new URLSearchParams(p);
    query.delete('instance');
    const first = Number(p.get('firstResult') || 0);
    query.set('maxResults', '50');
    const page = await get(api, `/instances?${query.toString()}`);
    if (!page.items.length) {
      results.innerHTML = `<p>${T.none}</p>`;
      return;
    }
    const pager = `<p class="cmw-pager">${fill(T.found, { n: page.total })} · ${fill(T.page, { a: first + 1, b: first + page.items.length })} `
      + (first > 0 ? `<a href="#" class="cmw-prev">${T.prev}</a> ` : '')
      + (first + page.items.length < page.total ? `<a href="#" class="cmw-next">${T.next}</a>` : '') + '</p>';
    results.innerHTML = pager + resultTable(page.items);
    const move = (delta) => (e) => {
      e.preventDefault();
      const values = Object.fromEntries(p.entries());
      values.firstResult = Math.max(0, first + delta);
      go(values);
    };
    const prev = results.querySelector('.cmw-prev');
    const next = results.querySelector('.cmw-next');
    if (prev) {
      prev.addEventListener('click', move(-page.maxResults));
    }
    if (next) {
      next.addEventListener('click', move(page.maxResults));
    }
  } catch (e) {
    results.innerHTML = `<p class="alert alert-danger">${T.error}${esc(e.message)}</p>`;
  }
}

function section(id, title, body) {
  return `<section class="cmw-section" id="cmw-${id}"><h3>${title}</h3>${body}</section>`;
}

function values(list) {
  return list.map((v) => `<div><strong>${esc(v.name)}</strong> = ${esc(v.value)}</div>`).join('');
}

async function renderInstance(node, api, id) {
  node.innerHTML = `<div class="cmw-history"><p><a href="#${PATH}" class="cmw-back">${T.back}</a></p><div class="cmw-record">${T.loading}</div></div>`;
  node.querySelector('.cmw-back').addEventListener('click', (e) => {
    e.preventDefault();
    window.history.length > 1 ? window.history.back() : go({});
  });
  const target = node.querySelector('.cmw-record');
  try {
    // the record shows even when its diagram cannot be drawn
    const [record, svg] = await Promise.all([get(api, `/instances/${encodeURIComponent(id)}`),
      get(api, `/instances/${encodeURIComponent(id)}/diagram`, true)
        .catch((e) => `<p class="alert alert-warning">${T.error}${esc(e.message)}</p>`)]);
    const i = record.instance;
    const facts = [
      [T.process, `${esc(i.definitionName)} <span class="text-muted">${esc(i.definitionKey)} v${esc(i.version)}</span>`],
      [T.customerCol, i.customerCode ? `${esc(i.customerName || '')} ${esc(i.customerCode)}` : ''],
      [T.state, `<span class="cmw-state cmw-state-${esc(i.state)}">${esc(stateName(i.state))}</span>`],
      [T.startedBy, person(i.startedBy, i.startedByName)],
      [T.start, when(i.startTime)], [T.end, when(i.endTime)], [T.duration, lasted(i.durationMs)],
      [T.endReason, esc(i.endReason)],
      [T.parent, i.superInstanceId ? `<a href="#${PATH}?instance=${encodeURIComponent(i.superInstanceId)}">${esc(i.superInstanceId)}</a>` : '']
    ].filter((f) => f[1]);
    const steps = record.timeline.map((s) => [
      `${esc(s.name || s.activityId)}${s.canceled ? ` <span class="label label-default">${T.canceled}</span>` : ''}`
        + (s.calledInstanceId ? ` <a href="#${PATH}?instance=${encodeURIComponent(s.calledInstanceId)}">→</a>` : ''),
      esc(T.types[s.type] || s.type), when(s.startTime), when(s.endTime), lasted(s.durationMs),
      person(s.assignee, s.assigneeName), person(s.completedBy, s.completedByName)
    ]);
    target.innerHTML = `<h2>${esc(i.businessKey || i.id)} <small>${esc(i.definitionName)}</small></h2>`
      + `<dl class="dl-horizontal cmw-facts">${facts.map((f) => `<dt>${f[0]}</dt><dd>${f[1]}</dd>`).join('')}</dl>`
      + section('diagram', T.diagram, `<div class="cmw-diagram">${svg}</div>`)
      + section('timeline', T.timeline, `<label class="cmw-only"><input type="checkbox" class="cmw-only-tasks"> ${T.only}</label>`
        + table([T.activity, T.type, T.start, T.end, T.duration, T.assignee, T.completedBy], steps, 'cmw-timeline'))
      + section('variables', T.variables, table([T.time, T.name, T.value, T.revision, T.setIn, T.setBy],
        record.variables.map((v) => [when(v.time), esc(v.name), `<code>${esc(v.value)}</code>`, esc(v.revision),
          esc(v.activityName || v.activityId), person(v.by, v.byName)]), 'cmw-variables'))
      + section('decisions', T.decisions, table([T.time, T.decision, T.setIn, T.inputs, T.outputs],
        record.decisions.map((d) => [when(d.evaluationTime), `${esc(d.decisionName)} <span class="text-muted">${esc(d.decisionKey)}</span>`,
          esc(d.activityName || d.activityId), values(d.inputs), values(d.outputs)]), 'cmw-decisions'))
      + section('incidents', T.incidents, table([T.created, T.resolved, T.type, T.setIn, T.message, T.state],
        record.incidents.map((x) => [when(x.createTime), when(x.endTime), esc(x.type), esc(x.activityName || x.activityId),
          esc(x.message), esc(stateName(x.state))]), 'cmw-incidents'))
      + section('operations', T.operations, table([T.time, T.user, T.operation, T.entity, T.property, T.oldValue, T.newValue],
        record.operations.map((o) => [when(o.time), person(o.userId, o.userName), esc(T.ops[o.operationType] || o.operationType),
          esc(o.entityType), esc(o.property), esc(o.orgValue), esc(o.newValue)]), 'cmw-operations'))
      + section('called', T.called, record.calledInstances.length ? resultTable(record.calledInstances) : `<p class="text-muted">${T.emptySection}</p>`);
    const timeline = target.querySelector('.cmw-timeline');
    target.querySelector('.cmw-only-tasks').addEventListener('change', (e) => {
      if (!timeline) {
        return;
      }
      timeline.querySelectorAll('tbody tr').forEach((row, index) => {
        const step = record.timeline[index];
        row.style.display = e.target.checked && !step.taskId ? 'none' : '';
      });
    });
  } catch (e) {
    target.innerHTML = `<p class="alert alert-danger">${T.error}${esc(e.message)}</p>`;
  }
}

function renderPage(node, api) {
  const p = params();
  if (p.get('instance')) {
    renderInstance(node, api, p.get('instance'));
  } else {
    renderSearch(node, api, p);
  }
}

const listeners = new WeakMap();

export default [
  {
    id: 'cmw-history-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: PATH },
    render: (node) => {
      node.innerHTML = `<a href="#${PATH}">${T.nav}</a>`;
    }
  },
  {
    id: 'cmw-history-route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH },
    render: (node, { api }) => {
      let shown = null;
      const update = () => {
        if (!(window.location.hash || '').startsWith(`#${PATH}`)) {
          return;
        }
        const current = window.location.hash;
        if (current !== shown) {
          shown = current;
          renderPage(node, api);
        }
      };
      listeners.set(node, update);
      window.addEventListener('hashchange', update);
      update();
    },
    unmount: (node) => {
      const update = listeners.get(node);
      if (update) {
        window.removeEventListener('hashchange', update);
      }
    }
  },
  {
    id: 'cmw-history-definition-tab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 5,
    properties: { label: T.history },
    render: async (node, { api, processDefinitionId }) => {
      node.innerHTML = T.loading;
      const key = String(processDefinitionId).split(':')[0];
      try {
        const page = await get(api, `/instances?definitionKey=${encodeURIComponent(key)}&state=FINISHED&maxResults=50`);
        node.innerHTML = `<p>${fill(T.found, { n: page.total })} · <a href="#${PATH}?definitionKey=${encodeURIComponent(key)}">${T.title}</a></p>`
          + (page.items.length ? resultTable(page.items) : `<p>${T.none}</p>`);
      } catch (e) {
        node.innerHTML = `<p class="alert alert-danger">${T.error}${esc(e.message)}</p>`;
      }
    }
  }
];
