"""Cases: the limitation dates, and which body mediates a mediation case.

* ``knew_on``: the day the party knew or should have known the right was infringed; the
  one-year arbitration limitation runs from it (调解仲裁法 Art. 27 ¶1), except for wage
  claims, which run from the end of employment (Art. 27 ¶4).
* ``limitation_interrupted_on``: the latest interruption (a demand on the other side, a
  complaint or an application elsewhere, the other side agreeing to perform): the year
  counts afresh from it (Art. 27 ¶2, 办案规则 Art. 27).

* ``mediation_body``: ``bureau_centre`` (the bureau's own mediation centre: 调解仲裁法
  Art. 14 and the bureau's rules) or ``enterprise`` (an enterprise mediation committee:
  企业劳动争议协商调解规定, 人社部令第17号); NULL for other kinds. Existing mediation cases
  become ``bureau_centre``, the body a bureau's own system registers.

* The shipped deadline rules' citations now name the real document, article and year; a
  rule row seeded from the old text gets the new one (an administrator's own text stays).

The dates are informational (warnings, never refusals). The audited entity state of a case
(``casemgr.auditstate``, version 1) lists its columns by name, so these two do not change
the digest of any existing row.

Written by hand: storage types only, no import of casemgr.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


#: Shipped rule citations rewritten to name the document, article and year (issue 14 item 10);
#: rows an administrator seeded keep their text unless it is still the old shipped one.
CITATIONS: dict[str, tuple[str, str]] = {
    'arb.supplement_notice': (
        '劳动人事争议仲裁办案规则第29条第4款：当场或者在五日内一次性告知申请人需要补正的全部材料；第80条：五日指工作日',
        '劳动人事争议仲裁办案规则（人社部令第33号，2017）第29条第4款：当场或者在五日内一次性告知申请人需要补正的全部材料；第80条：五日指工作日',
    ),
    'arb.accept': (
        '劳动争议调解仲裁法第29条；办案规则第30、31条（五个工作日）；第46条第(二)项：补正的，收到申请的时间从材料补正之日起重新计算；集体案件同（第64条）',
        '劳动争议调解仲裁法（2007）第29条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第30、31条（五个工作日）；第46条第(二)项：补正的，收到申请的时间从材料补正之日起重新计算；集体案件同（第64条）',
    ),
    'arb.serve_copy': (
        '劳动争议调解仲裁法第30条；办案规则第33条：受理后五日内将仲裁申请书副本送达被申请人',
        '劳动争议调解仲裁法（2007）第30条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第33条：受理后五日内将仲裁申请书副本送达被申请人',
    ),
    'arb.defence': (
        '劳动争议调解仲裁法第30条；办案规则第33条：被申请人收到副本后十日内提交答辩书（未答辩不影响审理）',
        '劳动争议调解仲裁法（2007）第30条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第33条：被申请人收到副本后十日内提交答辩书（未答辩不影响审理）；第20条第2款：留置、张贴送达的，经过三日视为送达，答辩期自视为送达之日起算',
    ),
    'arb.serve_defence': (
        '劳动争议调解仲裁法第30条；办案规则第33条：仲裁委员会收到答辩书后，应当在五日内将答辩书副本送达申请人；第80条：五日指工作日',
        '劳动争议调解仲裁法（2007）第30条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第33条：仲裁委员会收到答辩书后，应当在五日内将答辩书副本送达申请人；第80条：五日指工作日',
    ),
    'arb.tribunal_notice': (
        '劳动争议调解仲裁法第32条；办案规则第37条：受理之日起五日内组成仲裁庭并书面通知当事人',
        '劳动争议调解仲裁法（2007）第32条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第37条：受理之日起五日内组成仲裁庭并书面通知当事人',
    ),
    'arb.collective.notice': (
        '办案规则第64条：决定受理的，应当自受理之日起五日内将仲裁庭组成人员、答辩期限、举证期限、开庭日期和地点等事项一次性通知当事人',
        '劳动人事争议仲裁办案规则（人社部令第33号，2017）第64条：决定受理的，应当自受理之日起五日内将仲裁庭组成人员、答辩期限、举证期限、开庭日期和地点等事项一次性通知当事人',
    ),
    'arb.green.notify': (
        '农民工工资争议速裁政策（legal-rules §5.3）：立案后三个工作日内一次性告知后续事项（政策目标，可调整）',
        '本局绿色通道工作目标（政策目标，可调整）：人社部办公厅关于开展农民工工资争议速裁庭建设专项行动的通知（2023）要求快立快调快审快结；立案后三个工作日内一次性告知后续事项，参照山东省农民工工资争议速裁庭做法（2020）',
    ),
    'arb.hearing_notice': (
        '劳动争议调解仲裁法第35条；办案规则第38条：开庭五日前将开庭日期、地点书面通知双方当事人；第80条：五日指工作日。本程序取保守算法：送达日之后的五个工作日均在开庭日之前',
        '劳动争议调解仲裁法（2007）第35条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第38条：开庭五日前将开庭日期、地点书面通知双方当事人；第80条：五日指工作日。本程序取保守算法：送达日之后的五个工作日均在开庭日之前',
    ),
    'arb.award': (
        '劳动争议调解仲裁法第43条；办案规则第45条（延长须书面批准，不超过十五日）、第46条（追加当事人、增加变更请求、合并反申请、移送管辖重新计算；中止审理、公告送达期间不计入）',
        '劳动争议调解仲裁法（2007）第43条；劳动人事争议仲裁办案规则（人社部令第33号，2017）第45条（延长须经仲裁委员会主任或其委托的仲裁院负责人书面批准，不超过十五日）、第46条（追加当事人、增加变更请求、合并反申请、移送管辖重新计算；中止审理、公告送达期间不计入）',
    ),
    'arb.green.award': (
        '人社部等五部门“护薪”行动通知（2019）：仲裁审限缩短至三十日内（政策目标；法定45+15日仍为硬性期限）',
        '人社部等五部门关于实施“护薪”行动全力做好拖欠农民工工资争议处理工作的通知（2019）：仲裁审限缩短至三十日内（政策目标；法定45+15日仍为硬性期限）',
    ),
    'arb.supervision': (
        '人社部等五部门“护薪”行动通知（2019）：对重大案件实行仲裁机构负责人挂牌督办；期限参照黑龙江2013年挂牌督办办法：自接到挂牌督办通知之日起15日内办结，情况复杂的可在30日内办结（legal-rules §5.4；广东未见数字标准，可调整）',
        '人社部等五部门关于实施“护薪”行动全力做好拖欠农民工工资争议处理工作的通知（2019）：对重大案件实行仲裁机构负责人挂牌督办；期限参照黑龙江省挂牌督办办法（2013）：自接到挂牌督办通知之日起15日内办结，情况复杂的可在30日内办结（广东省未见数字标准，本局参照执行，可调整）',
    ),
    'arb.clue_reply': (
        '来件载明的答复期限（全国根治欠薪线索反映平台、12345热线转办单、信访转送单）；保障农民工工资支付条例第10条：首问负责，将处理结果告知举报、投诉人',
        '来件载明的答复期限（全国根治欠薪线索反映平台、12345热线转办单、信访转送单）；保障农民工工资支付条例（国务院令第724号，2019）第10条：首问负责，将处理结果告知举报、投诉人',
    ),
    'insp.clue_reply': (
        '来件载明的答复期限（全国根治欠薪线索反映平台、12345热线转办单、信访转送单）；保障农民工工资支付条例第10条：首问负责，将处理结果告知举报、投诉人',
        '来件载明的答复期限（全国根治欠薪线索反映平台、12345热线转办单、信访转送单）；保障农民工工资支付条例（国务院令第724号，2019）第10条：首问负责，将处理结果告知举报、投诉人',
    ),
    'med.clue_reply': (
        '来件载明的答复期限（全国根治欠薪线索反映平台、12345热线转办单、信访转送单）；保障农民工工资支付条例第10条：首问负责，将处理结果告知举报、投诉人',
        '来件载明的答复期限（全国根治欠薪线索反映平台、12345热线转办单、信访转送单）；保障农民工工资支付条例（国务院令第724号，2019）第10条：首问负责，将处理结果告知举报、投诉人',
    ),
    'insp.accept': (
        '关于实施《劳动保障监察条例》若干规定第18条；广东省劳动保障监察条例第36条（五个工作日内受理，并于受理之日立案）、第39条（逾期未告知的，自收到投诉材料之日起即为受理）',
        '关于实施《劳动保障监察条例》若干规定（劳社部令第25号，2004）第18条；广东省劳动保障监察条例（2019年修正）第36条（五个工作日内受理，并于受理之日立案）、第39条（逾期未告知的，自收到投诉材料之日起即为受理）',
    ),
    'insp.green.accept': (
        '农民工欠薪绿色通道（legal-rules §5.3）：当日受理、当日立案（政策目标，可调整）',
        '本局农民工欠薪绿色通道工作目标（政策目标，可调整）：参照人社部办公厅关于进一步做好农民工工资争议调解仲裁工作的通知（2016）“优先受理、当即立案”，当日受理、当日立案',
    ),
    'insp.investigate.gd': (
        '广东省劳动保障监察条例第44条：自立案之日起四十五个工作日内作出处理；情况复杂的可以延长三十个工作日；公告、委托审计或者鉴定等期间不计算在办案时限内；第45条：中止',
        '广东省劳动保障监察条例（2019年修正）第44条：自立案之日起四十五个工作日内作出处理；情况复杂的可以延长三十个工作日；公告、委托审计或者鉴定等期间不计算在办案时限内；第45条：中止',
    ),
    'insp.investigate.national': (
        '劳动保障监察条例第17条：自立案之日起60个工作日内完成；情况复杂的，经批准可以延长30个工作日',
        '劳动保障监察条例（国务院令第423号，2004）第17条：自立案之日起60个工作日内完成；情况复杂的，经劳动保障行政部门负责人批准，可以延长30个工作日',
    ),
    'insp.green.investigate': (
        '农民工欠薪绿色通道（legal-rules §5.3）：监察办结目标由本局确定，默认30个工作日（可调整；法定时限仍为硬性期限）',
        '本局农民工欠薪绿色通道工作目标（政策目标，可调整）：监察办结目标由本局确定，默认30个工作日；法定时限仍为硬性期限（广东省劳动保障监察条例（2019年修正）第44条）',
    ),
    'insp.suspension_notice': (
        '广东省劳动保障监察条例第45条：中止的，应当在三个工作日内书面告知投诉人',
        '广东省劳动保障监察条例（2019年修正）第45条：中止的，应当在三个工作日内书面告知投诉人（投诉人无法联系的除外）',
    ),
    'insp.pay_order': (
        '劳动保障监察条例第26条：责令限期支付；逾期不支付的，责令按应付金额50%以上1倍以下加付赔偿金',
        '劳动保障监察条例（国务院令第423号，2004）第26条：责令限期支付；逾期不支付的，责令按应付金额50%以上1倍以下加付赔偿金',
    ),
    'insp.blacklist': (
        '拖欠农民工工资失信联合惩戒对象名单管理暂行办法（人社部令第45号）第8条：自责令限期支付工资文书指定期限届满之日起20个工作日内作出决定；情况复杂的可以延长20个工作日；第11条：列入期限3年',
        '拖欠农民工工资失信联合惩戒对象名单管理暂行办法（人社部令第45号，2021）第8条：自责令限期支付工资文书指定期限届满之日起20个工作日内作出决定；情况复杂的可以延长20个工作日；第11条：列入期限3年',
    ),
    'insp.supervision': (
        '人社部等五部门“护薪”行动通知（2019）：对重大案件实行劳动保障监察机构负责人挂牌督办；期限参照黑龙江2013年挂牌督办办法：自接到挂牌督办通知之日起15日内办结，情况复杂的可在30日内办结（legal-rules §5.4；广东未见数字标准，可调整）',
        '人社部等五部门关于实施“护薪”行动全力做好拖欠农民工工资争议处理工作的通知（2019）：对重大案件实行劳动保障监察机构负责人挂牌督办；期限参照黑龙江省挂牌督办办法（2013）：自接到挂牌督办通知之日起15日内办结，情况复杂的可在30日内办结（广东省未见数字标准，本局参照执行，可调整）',
    ),
    'insp.serve_decision': (
        '广东省劳动保障监察条例第47条：处理决定、处罚决定等文书当场交付或者七个工作日内送达；公告送达的公告期为六十日，欠薪或者引发群体性事件的为三日（公告期间自动扣除）',
        '广东省劳动保障监察条例（2019年修正）第47条：处理决定、处罚决定等文书当场交付或者七个工作日内送达；公告送达的公告期为六十日，欠薪或者引发群体性事件的为三日（公告期间自动扣除）',
    ),
    'med.supervision': (
        '人社部等五部门“护薪”行动通知（2019）：对重大案件实行调解组织负责人挂牌督办；期限参照黑龙江2013年挂牌督办办法：自接到挂牌督办通知之日起15日内办结，情况复杂的可在30日内办结（legal-rules §5.4；广东未见数字标准，可调整）',
        '人社部等五部门关于实施“护薪”行动全力做好拖欠农民工工资争议处理工作的通知（2019）：对重大案件实行调解组织负责人挂牌督办；期限参照黑龙江省挂牌督办办法（2013）：自接到挂牌督办通知之日起15日内办结，情况复杂的可在30日内办结（广东省未见数字标准，本局参照执行，可调整）',
    ),
}


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("knew_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("limitation_interrupted_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("mediation_body", sa.String(length=16), nullable=True))
    op.execute("UPDATE cases SET mediation_body = 'bureau_centre' WHERE kind = 'mediation'")
    fix = sa.text("UPDATE deadline_rules SET citation = :new WHERE code = :code AND citation = :old")
    for code, (old, new) in CITATIONS.items():
        op.execute(fix.bindparams(code=code, old=old, new=new))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("mediation_body")
        batch_op.drop_column("limitation_interrupted_on")
        batch_op.drop_column("knew_on")
