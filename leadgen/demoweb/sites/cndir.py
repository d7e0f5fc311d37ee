"""The Chinese supplier directory (www.zhongguo-gongying.cn), served in GBK."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from leadgen.demoweb import phones
from leadgen.demoweb.hosts import CN_ROBOTS, PAGE_SIZES
from leadgen.demoweb.html import Response, html_response, not_found, page, text_response
from leadgen.demoweb.industries import INDUSTRY_BY_KEY
from leadgen.demoweb.pools import COUNTRIES
from leadgen.demoweb.sites.common import pagination

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld

SOURCE = "demo-cn-directory"
CHARSET = "gbk"
_LIST = re.compile(r"^/list_(\d+)\.html$")
_DETAIL = re.compile(r"^/company/(\d+)\.html$")
NAV = ('<div class="top"><a href="/">中国供应商网</a> | <a href="/list_1.html">企业名录</a> | '
       '<a href="/search?kw=">搜索</a> | <a href="/member/login.html">会员登录</a></div>\n')
FOOT = '<div class="foot">© 2026 中国供应商网 版权所有 | 浙ICP备05012345号</div>'


def _gbk(title: str, body: str, status: int = 200) -> Response:
    doc = page(title, NAV + body + "\n" + FOOT, lang="zh-CN", charset=CHARSET)
    return html_response(doc, status, charset=CHARSET)


def handle(world: DemoWorld, path: str, params: dict[str, str]) -> Response:
    if path == "/robots.txt":
        return text_response(CN_ROBOTS)
    if path in ("/", "/index.html"):
        return _gbk("中国供应商网 - 企业名录",
                    '<h1>企业名录</h1><p><a href="/list_1.html">查看全部企业</a></p>')
    match = _LIST.match(path)
    if match:
        return _listing(world, int(match.group(1)))
    match = _DETAIL.match(path)
    if match:
        number = int(match.group(1)) - 100000
        index = number // 3
        if number % 3 or not 0 <= index < len(world.cores) or not world.cores[index].in_cn:
            return not_found("zh")
        return _detail(world, index)
    if path.startswith("/member/") or path.startswith("/search"):
        return _gbk("会员登录", "<h1>会员登录</h1><form></form>")
    return not_found("zh")


def _cn_phone(world: DemoWorld, index: int, e164: str) -> str:
    return phones.display(e164, "CN", world.phone_style(index, SOURCE))


def _address(world: DemoWorld, index: int) -> str:
    core, det = world.cores[index], world.details(index)
    if core.country == "CN":
        return det.address_lines[0]
    return ", ".join([*det.address_lines, COUNTRIES[core.country].name_en])


def _listing(world: DemoWorld, page_no: int) -> Response:
    size = PAGE_SIZES[SOURCE]
    pages = max(1, -(-len(world.cn_listed) // size))
    if not 1 <= page_no <= pages:
        return not_found("zh")
    items = []
    for index in world.cn_listed[(page_no - 1) * size: page_no * size]:
        det = world.details(index)
        ind = INDUSTRY_BY_KEY[world.cores[index].industry]
        items.append(
            '<div class="list-item">\n'
            f'  <h3><a href="/company/{world.cn_id(index)}.html" target="_blank">'
            f"{escape(world.listed_name(index, SOURCE))}</a></h3>\n"
            f"  <p>地址：{escape(_address(world, index))}</p>\n"
            f"  <p>电话：{escape(_cn_phone(world, index, det.phone))}</p>\n"
            f"  <p>主营：{escape(ind.products['zh'])}</p>\n</div>"
        )
    nav = pagination("/list_{}.html", page_no, pages, prev="上一页", next_="下一页")
    body = (f"<h1>企业名录 第{page_no}页</h1>\n<div class=\"company-list\">\n"
            + "\n".join(items) + "\n</div>\n" + nav)
    return _gbk(f"企业名录 第{page_no}页 - 中国供应商网", body)


def _detail(world: DemoWorld, index: int) -> Response:
    core, det = world.cores[index], world.details(index)
    ind = INDUSTRY_BY_KEY[core.industry]
    name = world.listed_name(index, SOURCE)
    rows: list[tuple[str, str]] = [("公司名称", escape(name))]
    if det.people:
        person = det.people[0]
        rows.append(("联系人", f"{escape(person.name)}（{escape(person.title)}）"))
    rows.append(("电话", escape(_cn_phone(world, index, det.phone))))
    if det.fax:
        rows.append(("传真", escape(phones.display(det.fax, "CN", "local"))))
    for extra in det.extra_phones:
        label = "手机" if phones.is_mobile(extra) else "销售热线"
        rows.append((label, escape(phones.display(extra, "CN", "cn_intl"))))
    if det.emails:
        rows.append(("邮箱", escape(det.emails[0])))
    rows.append(("地址", escape(_address(world, index))))
    if core.country == "CN":
        rows.append(("邮编", det.postal_code))
    site = world.listed_website(index, SOURCE)
    if site:
        href = site if site.startswith("http") else f"http://{site}"
        rows.append(("网址", f'<a href="{escape(href)}" target="_blank">{escape(site)}</a>'))
    rows += [("所属行业", escape(ind.label["zh"])), ("主营产品", escape(ind.products["zh"])),
             ("员工人数", f"{core.employees}人"), ("成立时间", f"{core.founded_year}年")]
    table = "\n".join(f"<tr><th>{k}：</th><td>{v}</td></tr>" for k, v in rows)
    body = (f'<div class="company-detail">\n<h1>{escape(name)}</h1>\n'
            f'<table class="contact">\n{table}\n</table>\n'
            f'<div class="intro"><h2>公司简介</h2><p>{escape(det.description)}</p></div>\n'
            "</div>")
    return _gbk(f"{name} - 中国供应商网", body)
