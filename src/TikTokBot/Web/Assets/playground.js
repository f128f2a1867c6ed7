// Draws Block Kit messages the way Slack does. Every string from the server becomes a text node: nothing is parsed as HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#1264a3", "#e01e5a", "#2eb67d", "#ecb22e", "#36c5f0", "#7c3085"];
  var conversation = document.getElementById("conversation");
  var form = document.getElementById("command-form");
  var input = document.getElementById("command");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, String(attributes[name])); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  // Slack escapes &, < and > in mrkdwn; links, mentions and channels are written <like|this>.
  function unescapeSlack(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  // Slack draws emoji shortcodes (:warning:) as the emoji; an unknown name stays as typed, as Slack shows it.
  var EMOJI = {
    warning: "\u26A0\uFE0F", white_check_mark: "\u2705", rotating_light: "\uD83D\uDEA8", test_tube: "\uD83E\uDDEA",
    raised_hand: "\u270B", raising_hand: "\uD83D\uDE4B", hourglass: "\u231B", no_entry_sign: "\uD83D\uDEAB", hourglass_flowing_sand: "\u23F3", credit_card: "\uD83D\uDCB3",
    memory: "\uD83D\uDCDD", eyes: "\uD83D\uDC40", red_circle: "\uD83D\uDD34", large_orange_circle: "\uD83D\uDFE0",
    large_green_circle: "\uD83D\uDFE2", chart_with_upwards_trend: "\uD83D\uDCC8", chart_with_downwards_trend: "\uD83D\uDCC9",
    bulb: "\uD83D\uDCA1", x: "\u274C", heavy_check_mark: "\u2714\uFE0F", information_source: "\u2139\uFE0F", tada: "\uD83C\uDF89"
  };
  function emojify(text) {
    return text.replace(/:([a-z0-9_+-]+):/g, function (whole, name) { return EMOJI[name] || whole; });
  }

  // *bold*, _italic_, ~strike~ and `code` inside one run of text; emoji shortcodes outside code.
  function appendStyled(parent, text) {
    // An emoji's shortcode first, so the underscores of :white_check_mark: are never read as italics.
    var pattern = /`([^`]+)`|(:[a-z0-9_+-]+:)|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;
    var last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) parent.appendChild(document.createTextNode(emojify(unescapeSlack(text.slice(last, match.index)))));
      var node = match[1] !== undefined ? el("code", null, unescapeSlack(match[1]))
        : match[2] !== undefined ? document.createTextNode(emojify(match[2]))
        : match[3] !== undefined ? el("strong", null, emojify(unescapeSlack(match[3])))
        : match[4] !== undefined ? el("em", null, emojify(unescapeSlack(match[4])))
        : el("s", null, emojify(unescapeSlack(match[5])));
      parent.appendChild(node);
      last = pattern.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(emojify(unescapeSlack(text.slice(last)))));
  }

  function textObject(object, className) {
    var node = el("div", (className || "") + (object && object.type === "mrkdwn" ? " mrkdwn" : ""));
    if (!object) return node;
    if (object.type !== "mrkdwn") { node.textContent = object.text; return node; }
    object.text.split("\n").forEach(function (line, index) {
      if (index > 0) node.appendChild(el("br"));
      var pattern = /<([^>|]*)(?:\|([^>]*))?>/g, last = 0, match;
      while ((match = pattern.exec(line)) !== null) {
        appendStyled(node, line.slice(last, match.index));
        var target = match[1], label = match[2];
        if (/^#C|^#G/.test(target)) node.appendChild(el("span", "mention", "#" + (label || target.slice(1))));
        else if (/^@/.test(target)) node.appendChild(el("span", "mention", "@" + (label || target.slice(1))));
        else if (/^!/.test(target)) node.appendChild(el("span", "mention", "@" + (label || target.slice(1))));
        else if (/^https?:\/\//.test(target)) {
          var link = el("a", null, unescapeSlack(label || target));
          link.href = unescapeSlack(target);
          link.rel = "noopener noreferrer";
          link.target = "_blank";
          node.appendChild(link);
        } else node.appendChild(document.createTextNode(unescapeSlack(label || target)));
        last = pattern.lastIndex;
      }
      appendStyled(node, line.slice(last));
    });
    return node;
  }

  // A menu: its placeholder first (not choosable), then its choices; picking one presses.
  function menu(item, choices, onPick) {
    var select = el("select");
    select.dataset.actionId = item.action_id;
    select.setAttribute("aria-label", item.placeholder.text);
    select.appendChild(el("option", null, item.placeholder.text));
    select.options[0].value = "";
    select.options[0].disabled = true;
    select.options[0].selected = true;
    choices.forEach(function (choice) {
      var option = el("option", null, choice.text);
      option.value = choice.value;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { onPick(select); });
    return select;
  }

  function element(item) {
    if (item.type === "button") {
      var button = el("button", item.style || "", item.text.text);
      button.type = "button";
      button.dataset.actionId = item.action_id;
      if (item.url) button.addEventListener("click", function () { window.open(item.url, "_blank", "noopener"); });
      else button.addEventListener("click", function () { press(item.action_id, item.value || "", item.text.text, threadOf(button)); });
      return button;
    }
    if (item.type === "users_select") {
      // Slack lists the workspace's people; the playground's workspace has these three.
      return menu(item, PEOPLE.map(function (person) { return { text: person.name, value: person.id }; }), function (select) {
        press(item.action_id, "", item.placeholder.text + " " + select.options[select.selectedIndex].text, threadOf(select), select.value);
      });
    }
    if (item.type === "static_select") {
      return menu(item, (item.options || []).map(function (option) { return { text: option.text.text, value: option.value }; }), function (select) {
        press(item.action_id, select.value, item.placeholder.text + " " + select.options[select.selectedIndex].text);
      });
    }
    if (item.type === "image") return el("span", "unknown", "[image: " + (item.alt_text || "") + "]");
    if (item.type === "mrkdwn" || item.type === "plain_text") return textObject(item);
    return el("span", "unknown", "[" + item.type + "]");
  }

  function cellText(cell) {
    if (!cell) return "";
    if (cell.type === "raw_number") return cell.text !== undefined ? cell.text : String(cell.value);
    if (cell.type === "raw_text") return cell.text;
    if (cell.type === "rich_text") return richText(cell);
    return cell.text || "";
  }

  function richText(object) {
    var parts = [];
    (function walk(node) {
      if (!node) return;
      if (typeof node.text === "string" && node.type === "text") parts.push(node.text);
      (node.elements || []).forEach(walk);
    })(object);
    return parts.join("");
  }

  function table(rows, caption, settings) {
    var node = el("table", "blocktable");
    if (caption) node.appendChild(el("caption", null, caption));
    (rows || []).forEach(function (row, rowIndex) {
      var tr = el("tr");
      row.forEach(function (cell, column) {
        var td = el(rowIndex === 0 ? "th" : "td", null, cellText(cell));
        var align = settings && settings[column] && settings[column].align;
        if (align) td.style.textAlign = align;
        if (cell && cell.type === "raw_number" && !align) td.style.textAlign = "right";
        tr.appendChild(td);
      });
      node.appendChild(tr);
    });
    return node;
  }

  function legend(names) {
    var node = el("div", "legend");
    names.forEach(function (name, index) {
      var item = el("span");
      var swatch = el("span", "swatch");
      swatch.style.background = COLOURS[index % COLOURS.length];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(name));
      node.appendChild(item);
    });
    return node;
  }

  function pie(chart) {
    var segments = chart.segments || [];
    var total = segments.reduce(function (sum, s) { return sum + Math.max(0, s.value); }, 0) || 1;
    var picture = svg("svg", { viewBox: "0 0 220 220", role: "img" });
    var angle = -Math.PI / 2;
    segments.forEach(function (segment, index) {
      var share = Math.max(0, segment.value) / total;
      var next = angle + share * 2 * Math.PI;
      var shape;
      if (share >= 0.9999) shape = svg("circle", { cx: 110, cy: 110, r: 100 });
      else {
        var x1 = 110 + 100 * Math.cos(angle), y1 = 110 + 100 * Math.sin(angle);
        var x2 = 110 + 100 * Math.cos(next), y2 = 110 + 100 * Math.sin(next);
        shape = svg("path", { d: "M110,110 L" + x1 + "," + y1 + " A100,100 0 " + (share > 0.5 ? 1 : 0) + ",1 " + x2 + "," + y2 + " Z" });
      }
      shape.setAttribute("fill", COLOURS[index % COLOURS.length]);
      shape.setAttribute("data-label", segment.label);
      shape.appendChild(svg("title", {}, segment.label + ": " + segment.value));
      picture.appendChild(shape);
      angle = next;
    });
    return { picture: picture, names: segments.map(function (s) { return s.label + " (" + s.value + ")"; }) };
  }

  function cartesian(chart) {
    var series = chart.series || [];
    var axis = chart.axis_config || {};
    var categories = axis.categories || (series[0] ? series[0].data.map(function (p) { return p.label; }) : []);
    var values = [];
    series.forEach(function (s) { s.data.forEach(function (p) { values.push(p.value); }); });
    var max = Math.max.apply(null, values.concat([0])), min = Math.min.apply(null, values.concat([0]));
    if (max === min) max = min + 1;
    var width = 600, height = 260, left = 56, right = 12, top = 12, bottom = 46;
    var plotWidth = width - left - right, plotHeight = height - top - bottom;
    var y = function (v) { return top + plotHeight - (v - min) / (max - min) * plotHeight; };
    var step = plotWidth / Math.max(1, categories.length);
    var x = function (i) { return left + step * i + step / 2; };
    var picture = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
    picture.appendChild(svg("line", { x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: "#999" }));
    picture.appendChild(svg("line", { x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: "#999" }));
    [max, (max + min) / 2, min].forEach(function (v) {
      picture.appendChild(svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#616061" }, Math.round(v * 100) / 100));
    });
    categories.forEach(function (category, i) {
      picture.appendChild(svg("text", { x: x(i), y: top + plotHeight + 16, "text-anchor": "middle", "font-size": 11, fill: "#616061" }, category));
    });
    if (axis.x_label) picture.appendChild(svg("text", { x: left + plotWidth / 2, y: height - 6, "text-anchor": "middle", "font-size": 12 }, axis.x_label));
    if (axis.y_label) picture.appendChild(svg("text", { x: 12, y: top + plotHeight / 2, "font-size": 12, transform: "rotate(-90 12 " + (top + plotHeight / 2) + ")", "text-anchor": "middle" }, axis.y_label));
    var valueAt = function (s, category) {
      var point = s.data.filter(function (p) { return p.label === category; })[0];
      return point ? point.value : 0;
    };
    series.forEach(function (s, index) {
      var colour = COLOURS[index % COLOURS.length];
      if (chart.type === "bar") {
        var barWidth = step * 0.8 / series.length;
        categories.forEach(function (category, i) {
          var v = valueAt(s, category);
          var bar = svg("rect", { x: x(i) - step * 0.4 + barWidth * index, y: Math.min(y(v), y(0)), width: barWidth, height: Math.abs(y(v) - y(0)), fill: colour, "data-series": s.name });
          bar.appendChild(svg("title", {}, s.name + ", " + category + ": " + v));
          picture.appendChild(bar);
        });
        return;
      }
      var points = categories.map(function (category, i) { return x(i) + "," + y(valueAt(s, category)); });
      if (chart.type === "area") {
        var area = svg("polygon", { points: [x(0) + "," + y(0)].concat(points, [x(categories.length - 1) + "," + y(0)]).join(" "), fill: colour, "fill-opacity": 0.35, "data-series": s.name });
        picture.appendChild(area);
      }
      var line = svg("polyline", { points: points.join(" "), fill: "none", stroke: colour, "stroke-width": 2, "data-series": s.name });
      line.appendChild(svg("title", {}, s.name));
      picture.appendChild(line);
    });
    return { picture: picture, names: series.map(function (s) { return s.name; }) };
  }

  function chartBlock(block) {
    var node = el("figure", "chart");
    node.dataset.chartType = block.chart && block.chart.type;
    node.appendChild(el("div", "title", block.title));
    var drawn = block.chart && block.chart.type === "pie" ? pie(block.chart) : cartesian(block.chart || {});
    node.appendChild(drawn.picture);
    node.appendChild(legend(drawn.names));
    return node;
  }

  function block(item) {
    var node;
    switch (item.type) {
      case "header": node = el("div", "header", item.text.text); break;
      case "section":
        node = el("div", "section");
        var row = el("div", "section-row");
        row.appendChild(textObject(item.text));
        if (item.accessory) row.appendChild(element(item.accessory));
        node.appendChild(row);
        if (item.fields) {
          var fields = el("div", "fields");
          item.fields.forEach(function (field) { fields.appendChild(textObject(field)); });
          node.appendChild(fields);
        }
        break;
      case "context":
        node = el("div", "context");
        (item.elements || []).forEach(function (part) { node.appendChild(element(part)); });
        break;
      case "divider": node = el("hr", "divider"); break;
      case "actions":
        node = el("div", "actions");
        (item.elements || []).forEach(function (part) { node.appendChild(element(part)); });
        break;
      case "markdown": node = textObject({ type: "mrkdwn", text: item.text }); break;
      case "data_visualization": node = chartBlock(item); break;
      case "table": node = table(item.rows, null, item.column_settings); break;
      case "data_table": node = table(item.rows, item.caption, null); break;
      default: node = el("div", "unknown", "[" + item.type + " block]");
    }
    node.classList.add("block");
    node.dataset.block = item.type;
    return node;
  }

  // Each message the page draws gets an id, as Slack gives each a ts: a press names its message's thread (the message
  // itself when it starts one), and an answer in that thread is drawn under it.
  var PEOPLE = [{ id: "U-PLAYGROUND", name: "You (U-PLAYGROUND)" }, { id: "U-ALEX", name: "Alex (U-ALEX)" }, { id: "U-SAM", name: "Sam (U-SAM)" }];
  var messageCount = 0;
  var pageId = Date.now().toString(36);

  function threadOf(control) {
    var owner = control.closest(".message");
    return owner ? owner.dataset.thread : "";
  }

  function message(body) {
    var node = el("div", "message");
    node.dataset.ts = "pg." + pageId + "." + (++messageCount);
    node.dataset.thread = body.thread_ts || node.dataset.ts;
    var from = el("div", "from", "TikTokBot");
    // A response is private unless it says in_channel; a message posted in a thread (a follow-up) is for everyone.
    if (body.response_type !== "in_channel" && !body.thread_ts) from.appendChild(el("small", null, "Only visible to you"));
    node.appendChild(from);
    var blocks = body.blocks || [];
    if (blocks.length === 0 && body.text) node.appendChild(textObject({ type: "mrkdwn", text: body.text }));
    blocks.forEach(function (item) { node.appendChild(block(item)); });
    (body.attachments || []).forEach(function (attachment) { (attachment.blocks || []).forEach(function (item) { node.appendChild(block(item)); }); });
    return node;
  }

  // A reply in a thread goes under the message that starts it, as Slack draws a thread; the rest after what was typed.
  function inThread(body) {
    if (!body.thread_ts) return null;
    var parent = conversation.querySelector(".message[data-ts='" + (window.CSS && CSS.escape ? CSS.escape(body.thread_ts) : body.thread_ts) + "']");
    if (!parent) return null;
    var replies = parent.querySelector(":scope > .replies");
    if (!replies) {
      replies = el("div", "replies");
      replies.appendChild(el("div", "replies-label", "Thread"));
      parent.appendChild(replies);
    }
    var node = message(body);
    replies.appendChild(node);
    return node;
  }

  function render(typed, messages) {
    var exchange = el("section", "exchange");
    exchange.appendChild(el("div", "typed", typed));
    var threaded = 0;
    messages.forEach(function (body) {
      if (inThread(body)) threaded++;
      else exchange.appendChild(message(body));
    });
    if (threaded > 0 && threaded === messages.length) exchange.appendChild(el("div", "note", "Answered in the thread above."));
    conversation.appendChild(exchange);
    exchange.scrollIntoView({ block: "start" });
    return exchange;
  }

  function post(path, payload, typed) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin", body: JSON.stringify(payload) })
      .then(function (response) {
        if (!response.ok) throw new Error("The app answered " + response.status + ".");
        return response.json();
      })
      .then(function (messages) { render(typed, messages); return followUps(); })
      .catch(function (error) {
        var exchange = render(typed, []);
        exchange.appendChild(el("div", "error", error.message));
      });
  }

  // The chat box's conversation: follow-ups ("and by age?") keep its campaign and period until a new one starts.
  var askForm = document.getElementById("ask-form");
  var question = document.getElementById("question");
  var conversationId = newConversationId();

  function newConversationId() {
    return "pg-" + Date.now().toString(36) + "-" + Math.floor(Math.random() * 1e9).toString(36);
  }

  function press(actionId, value, label, thread, selectedUser) {
    if (actionId.indexOf("ask.") === 0) {
      return post("/playground/api/ask/action", { actionId: actionId, value: value, conversation: conversationId }, "pressed: " + label);
    }
    return post("/playground/api/action", { actionId: actionId, value: value, thread: thread || "", selectedUser: selectedUser || "" }, "pressed: " + label);
  }

  // The check-ins' follow-ups: the playground has no Slack to post them in, so the page asks for them and draws each
  // under its fix's thread (on its own when that thread is no longer on the page).
  var followUpsSeen = 0;
  function followUps() {
    return fetch("/playground/api/follow-ups?after=" + followUpsSeen, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { next: followUpsSeen, messages: [] }; })
      .then(function (kept) {
        followUpsSeen = kept.next;
        var loose = kept.messages.filter(function (body) { return !inThread(body); });
        if (loose.length > 0) render("follow-up", loose);
      })
      .catch(function () { });
  }
  setInterval(followUps, 15000);

  if (askForm) {
    askForm.addEventListener("submit", function (event) {
      event.preventDefault();
      post("/playground/api/ask", { text: question.value, conversation: conversationId }, question.value);
      question.value = "";
    });
    document.getElementById("new-conversation").addEventListener("click", function () {
      conversationId = newConversationId();
      render("new conversation", []);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    post("/playground/api/command", { text: input.value }, input.value);
  });

  // Lets a test or a curious reader draw any Block Kit message: window.playground.render("label", [message]).
  window.playground = { render: render, followUps: followUps };
})();
