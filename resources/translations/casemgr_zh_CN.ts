<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Schema revision of the program</source>
        <translation>程序的数据库结构版本</translation>
    </message>
    <message>
        <source>Schema revision of the database</source>
        <translation>当前数据库的结构版本</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Report font</source>
        <translation>报表字体</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建环境</translation>
    </message>
    <message>
        <source> (installed build)</source>
        <translation>（安装版）</translation>
    </message>
    <message>
        <source>The reports embed WenQuanYi Micro Hei (Apache License 2.0); the licences of the fonts and libraries are in the program&apos;s folder.</source>
        <translation>报表内嵌文泉驿微米黑字体（Apache 2.0 许可）；字体和各组件的许可证在程序目录中。</translation>
    </message>
    <message>
        <source>About casemgr</source>
        <translation>关于本程序</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Logged out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Creating the demo accounts…</source>
        <translation>正在创建演示账号…</translation>
    </message>
    <message>
        <source>Demo data failed: %1</source>
        <translation>演示数据生成失败：%1</translation>
    </message>
    <message>
        <source>Demo cases are being made in the background: %1 of %2</source>
        <translation>正在后台生成演示案件：%1 / %2</translation>
    </message>
    <message>
        <source>The demo data is complete.</source>
        <translation>演示数据已全部生成。</translation>
    </message>
</context>
<context>
    <name>ArbFinalityHtml</name>
    <message>
        <source>Arbitration cases closed by award</source>
        <translation>以裁决结案的仲裁案件</translation>
    </message>
    <message>
        <source>Final-award share (per case)</source>
        <translation>终局裁决比例（按案件）</translation>
    </message>
    <message>
        <source>Final-award share (per award item)</source>
        <translation>终局裁决比例（按裁决事项）</translation>
    </message>
    <message>
        <source>Arbitration cases closed</source>
        <translation>仲裁结案数</translation>
    </message>
    <message>
        <source>Mediation statements, withdrawals, terminations</source>
        <translation>仲裁调解书、撤回、终止审理等</translation>
    </message>
    <message>
        <source>Awards nobody took to court</source>
        <translation>裁决后未起诉、未申请撤销</translation>
    </message>
    <message>
        <source>Awards taken to court (sued or set-aside applied for)</source>
        <translation>裁决后当事人起诉或申请撤销</translation>
    </message>
    <message>
        <source>Periods still running (left out of the rate)</source>
        <translation>起诉、申请撤销期间未届满（不计入终结率）</translation>
    </message>
    <message>
        <source>Cases ended at arbitration</source>
        <translation>仲裁终结率</translation>
    </message>
    <message>
        <source>Final awards and cases ended at arbitration</source>
        <translation>仲裁终局与终结</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>本年累计</translation>
    </message>
    <message>
        <source>Suits and set-aside applications recorded up to %1 count; awards whose periods had not ended then are pending. Rate: ended ÷ (closed − pending).</source>
        <translation>起诉和申请撤销登记至%1；期间在该日仍未届满的裁决计为未届满。终结率＝终结案件÷（结案数－未届满）。</translation>
    </message>
</context>
<context>
    <name>BoardColumns</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Days left / late</source>
        <translation>剩余/逾期</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>%1 working day(s) late</source>
        <translation>逾期%1个工作日</translation>
    </message>
    <message>
        <source>%1 day(s) late</source>
        <translation>逾期%1日</translation>
    </message>
    <message>
        <source>%1 working day(s)</source>
        <translation>%1个工作日</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Reassign cases</source>
        <translation>批量改派</translation>
    </message>
    <message>
        <source>Now handled by %1</source>
        <translation>现由 %1 承办</translation>
    </message>
    <message>
        <source>Close cases</source>
        <translation>批量结案</translation>
    </message>
    <message>
        <source>%1: now %2</source>
        <translation>%1：现为“%2”</translation>
    </message>
    <message>
        <source>Kept in the case file; the file could not be written: %1</source>
        <translation>已存入案卷，但文件无法写入：%1</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已保存为 %1</translation>
    </message>
    <message>
        <source>Print notices</source>
        <translation>打印通知书</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>%n selected case(s).</source>
        <translation>已选 %n 件案件。</translation>
    </message>
</context>
<context>
    <name>BulkRun</name>
    <message>
        <source>Unexpected error (see the log)</source>
        <translation>程序错误（详见日志）</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Import a year&apos;s holidays…</source>
        <translation>导入某年节假日…</translation>
    </message>
    <message>
        <source>CSV or JSON: date, type (holiday or workday), note. Each year replaces its notice.</source>
        <translation>CSV 或 JSON：日期、类型（holiday 放假 / workday 调休上班）、说明。每年的数据整体替换该年的安排。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Holidays on file</source>
        <translation>已录入放假日</translation>
    </message>
    <message>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Built in, with imported changes</source>
        <translation>内置，另有导入的调整</translation>
    </message>
    <message>
        <source>Import a year&apos;s holidays</source>
        <translation>导入某年节假日</translation>
    </message>
    <message>
        <source>Calendar files (*.csv *.json)</source>
        <translation>日历文件 (*.csv *.json)</translation>
    </message>
    <message>
        <source>Imported %1 days for %2: %3 added, %4 changed, %5 removed.</source>
        <translation>已导入 %2 年共 %1 天：新增 %3，修改 %4，删除 %5。</translation>
    </message>
</context>
<context>
    <name>CaseColumns</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>Amount claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
</context>
<context>
    <name>CaseFileWindow</name>
    <message>
        <source>%1: %2 on %3 (%4)</source>
        <translation>%1于%3%2（%4）</translation>
    </message>
    <message>
        <source>, after the period</source>
        <translation>，已逾期</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Received / accepted / closed</source>
        <translation>收案 / 受理 / 结案</translation>
    </message>
    <message>
        <source>Claimed / recovered (yuan)</source>
        <translation>请求 / 追回（元）</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Received through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Linked cases</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>ID number / credit code</source>
        <translation>身份证号 / 信用代码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Double-click a party to correct its details</source>
        <translation>双击当事人可更正其信息</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>裁决/责令金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Final award</source>
        <translation>终局裁决</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>起算日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>办案期限</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办案经过</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Simple procedure</source>
        <translation>简易处理</translation>
    </message>
    <message>
        <source>Last changed by %1 at %2</source>
        <translation>最近由 %1 于 %2 修改</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>became %1</source>
        <translation>已转为 %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>period over</source>
        <translation>期间已届满</translation>
    </message>
    <message>
        <source>extended by %1 days</source>
        <translation>已延长 %1 日</translation>
    </message>
    <message>
        <source>requested %1</source>
        <translation>%1 已申请</translation>
    </message>
    <message>
        <source> since %1</source>
        <translation>（自 %1 起）</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>可办理：</translation>
    </message>
    <message>
        <source>Hand to arbitration</source>
        <translation>转仲裁</translation>
    </message>
    <message>
        <source>Record hearing as held</source>
        <translation>记录已开庭</translation>
    </message>
    <message>
        <source>The hearing&apos;s day has come: record that it took place.</source>
        <translation>开庭日已到：请记录本次开庭已经进行。</translation>
    </message>
    <message>
        <source>Publication copy…</source>
        <translation>裁决书公开…</translation>
    </message>
    <message>
        <source>Approve extension</source>
        <translation>审批延期</translation>
    </message>
    <message>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>No actions available to you in this state.</source>
        <translation>当前状态下您没有可办理的步骤。</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>%1: ordered %2, paid %3, outstanding %4</source>
        <translation>%1：责令支付 %2，已支付 %3，尚欠 %4</translation>
    </message>
    <message>
        <source>%1: ordered %2 (additional compensation %5 included), paid %3, outstanding %4</source>
        <translation>%1：责令支付 %2（含加付赔偿金 %5），已支付 %3，尚欠 %4</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>全案</translation>
    </message>
    <message>
        <source>final items effective %1</source>
        <translation>终局裁决事项自 %1 起生效</translation>
    </message>
    <message>
        <source>other items effective %1 unless a party sues</source>
        <translation>其他裁决事项如当事人未起诉，自 %1 起生效</translation>
    </message>
    <message>
        <source>Register an arbitration application from mediation case %1? It goes to an arbitration clerk under the bureau&apos;s assignment rule, and the two cases are linked.</source>
        <translation>要根据调解案件 %1 登记仲裁申请吗？新案件将按本局分案规则分配给仲裁书记员，两案相互关联。</translation>
    </message>
    <message>
        <source>Register the arbitration case</source>
        <translation>登记仲裁案件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show reporter…</source>
        <translation>查看举报人…</translation>
    </message>
    <message>
        <source>%1, ID number %2, phone %3</source>
        <translation>%1，身份证号 %2，电话 %3</translation>
    </message>
    <message>
        <source>No reporter is recorded on this case.</source>
        <translation>本案没有登记举报人。</translation>
    </message>
    <message>
        <source>Reporter (confidential)</source>
        <translation>举报人（保密）</translation>
    </message>
    <message>
        <source>The law requires the reporter&apos;s identity to be kept confidential. This view has been recorded.</source>
        <translation>依法应当为举报人保密。本次查看已记入审计日志。</translation>
    </message>
    <message>
        <source>Document reprinted</source>
        <translation>重印文书</translation>
    </message>
    <message>
        <source>Document made</source>
        <translation>制作文书</translation>
    </message>
    <message>
        <source>The working days left cannot be counted yet: the holiday calendar of a year before the due date has not been published. The due date counts weekends only.</source>
        <translation>剩余工作日暂无法计算：期限届满前某一年度的节假日安排尚未公布，届满日期暂按周末推算。</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Construction project</source>
        <translation>工程项目</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Search: case number, name, ID number, employer, credit code</source>
        <translation>搜索：案号、姓名、身份证号、用人单位、信用代码</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>登记新案件…</translation>
    </message>
    <message>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件（Ctrl+N）</translation>
    </message>
    <message>
        <source>Clue from outside…</source>
        <translation>来件线索…</translation>
    </message>
    <message>
        <source>National clue platform, 12345 hotline or petition</source>
        <translation>全国根治欠薪线索反映平台、12345热线或信访转来的线索</translation>
    </message>
    <message>
        <source>Selected cases</source>
        <translation>批量办理</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派承办人…</translation>
    </message>
    <message>
        <source>Close with a reason…</source>
        <translation>结案（须填写理由）…</translation>
    </message>
    <message>
        <source>Print notices…</source>
        <translation>打印通知书…</translation>
    </message>
    <message>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <source>Import cases from an Excel or CSV ledger (台账)</source>
        <translation>从 Excel 或 CSV 台账导入案件</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>收案日期从</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>我承办的</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Mediation cases</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <source>Arbitration cases</source>
        <translation>仲裁案件</translation>
    </message>
    <message>
        <source>Inspection complaints</source>
        <translation>监察投诉</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %1 cases: narrow the search or the filters</source>
        <translation>超过 %1 件，请缩小搜索或筛选范围</translation>
    </message>
</context>
<context>
    <name>CaseProjectPanel</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Link to a project…</source>
        <translation>关联工程项目…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Link to another project…</source>
        <translation>改为关联其他项目…</translation>
    </message>
    <message>
        <source>This complaint is not linked to a construction project.</source>
        <translation>本投诉尚未关联工程建设项目。</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>工程项目：%1</translation>
    </message>
    <message>
        <source>General contractor (pays first for a subcontractor&apos;s arrears, 条例 Art. 30): %1</source>
        <translation>施工总承包单位（分包单位拖欠时先行清偿，保障农民工工资支付条例（国务院令第724号，2019）第三十条）：%1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Wage deposit: %1</source>
        <translation>工资保证金：%1</translation>
    </message>
    <message>
        <source>%1 yuan at %2, deposited %3</source>
        <translation>%1 元，存储银行 %2，存储日期 %3</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Wage account: %1</source>
        <translation>农民工工资专用账户开户日期：%1</translation>
    </message>
    <message>
        <source>Project warning colour: %1</source>
        <translation>项目预警颜色：%1</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Change the grade</source>
        <translation>改变评价等级</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>确定等级</translation>
    </message>
    <message>
        <source>Why the grade differs from the proposal (review, objection …)</source>
        <translation>与评价意见不同的理由（复核、异议等）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters; a common password or one containing your user name is refused.</source>
        <translation>新密码至少 10 个字符；常见密码或包含用户名的密码不能使用。</translation>
    </message>
    <message>
        <source>An administrator set your password: choose your own now.</source>
        <translation>您的密码由管理员设置，请现在设置您自己的密码。</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>In person</source>
        <translation>窗口受理</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上申请</translation>
    </message>
    <message>
        <source>National wage-arrears platform</source>
        <translation>全国根治欠薪线索反映平台</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <source>Petition</source>
        <translation>信访</translation>
    </message>
    <message>
        <source>Transferred by another office</source>
        <translation>其他部门移送</translation>
    </message>
    <message>
        <source>Found by inspection</source>
        <translation>主动发现</translation>
    </message>
    <message>
        <source>Ledger import</source>
        <translation>台账导入</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>Suit at the people&apos;s court</source>
        <translation>向人民法院起诉</translation>
    </message>
    <message>
        <source>Application to set the award aside</source>
        <translation>申请撤销裁决</translation>
    </message>
    <message>
        <source>Final award items</source>
        <translation>终局裁决事项</translation>
    </message>
    <message>
        <source>Non-final award items</source>
        <translation>非终局裁决事项</translation>
    </message>
    <message>
        <source>Award set aside</source>
        <translation>裁定撤销裁决</translation>
    </message>
    <message>
        <source>Application dismissed</source>
        <translation>裁定驳回申请</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>判决</translation>
    </message>
    <message>
        <source>Settled by the court&apos;s mediation</source>
        <translation>法院调解</translation>
    </message>
    <message>
        <source>Suit withdrawn</source>
        <translation>撤诉</translation>
    </message>
    <message>
        <source>Within the period</source>
        <translation>在期限内</translation>
    </message>
    <message>
        <source>After the period (admissibility is for the court)</source>
        <translation>已逾期（是否受理由人民法院决定）</translation>
    </message>
    <message>
        <source>A party died or lost capacity</source>
        <extracomment>Choice values of transition fields (casemgr.workflow FieldDef.choices).</extracomment>
        <translation>当事人死亡或丧失行为能力</translation>
    </message>
    <message>
        <source>The employer was dissolved</source>
        <translation>用人单位终止</translation>
    </message>
    <message>
        <source>Force majeure</source>
        <translation>不可抗力</translation>
    </message>
    <message>
        <source>Depends on another case</source>
        <translation>以另案结果为依据</translation>
    </message>
    <message>
        <source>Awaiting appraisal</source>
        <translation>等待鉴定</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Facts are clear</source>
        <translation>事实清楚</translation>
    </message>
    <message>
        <source>Small amount</source>
        <translation>标的额较小</translation>
    </message>
    <message>
        <source>Both parties agree</source>
        <translation>双方同意</translation>
    </message>
    <message>
        <source>Copy of the application</source>
        <translation>仲裁申请书副本</translation>
    </message>
    <message>
        <source>Copy of the defence</source>
        <translation>答辩书副本</translation>
    </message>
    <message>
        <source>Notice of the tribunal&apos;s composition</source>
        <translation>仲裁庭组成通知书</translation>
    </message>
    <message>
        <source>Hearing notice</source>
        <translation>开庭通知书</translation>
    </message>
    <message>
        <source>Award or mediation statement</source>
        <translation>裁决书或调解书</translation>
    </message>
    <message>
        <source>Decision (handling, penalty or cancellation)</source>
        <translation>处理决定/处罚决定/撤销立案告知</translation>
    </message>
    <message>
        <source>Notice of suspension</source>
        <translation>中止告知书</translation>
    </message>
    <message>
        <source>Arrears reach the crime threshold</source>
        <translation>拖欠数额达到拒不支付劳动报酬罪标准</translation>
    </message>
    <message>
        <source>Caused a mass or extreme incident</source>
        <translation>引发群体性事件或极端事件</translation>
    </message>
    <message>
        <source>Delivered in person</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <source>Left at the address</source>
        <translation>留置送达</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Electronic service</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公告送达</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <source>Outside the inspection&apos;s powers</source>
        <translation>不属于劳动保障监察职权</translation>
    </message>
    <message>
        <source>Outside our jurisdiction</source>
        <translation>不属于本机关管辖</translation>
    </message>
    <message>
        <source>Older than the two-year look-back</source>
        <translation>超过两年追溯期</translation>
    </message>
    <message>
        <source>Already in arbitration or court</source>
        <translation>已申请仲裁或诉讼</translation>
    </message>
    <message>
        <source>Belongs in the dispute procedure</source>
        <translation>应通过争议处理程序解决</translation>
    </message>
    <message>
        <source>Repeated complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>鉴定</translation>
    </message>
    <message>
        <source>Waiting for another authority</source>
        <translation>等待其他机关</translation>
    </message>
    <message>
        <source>Complainant unreachable</source>
        <translation>无法联系投诉人</translation>
    </message>
    <message>
        <source>Facts not established</source>
        <translation>违法事实不成立</translation>
    </message>
    <message>
        <source>Corrected; no penalty needed</source>
        <translation>已改正，无需处罚</translation>
    </message>
    <message>
        <source>Filed in error</source>
        <translation>立案错误</translation>
    </message>
    <message>
        <source>Complaint withdrawn</source>
        <translation>投诉人撤回投诉</translation>
    </message>
    <message>
        <source>Mediated and paid</source>
        <translation>经调解已支付</translation>
    </message>
    <message>
        <source>Order to rectify or pay</source>
        <translation>限期整改指令书</translation>
    </message>
    <message>
        <source>Notice naming the competent bureau</source>
        <translation>告知有管辖权部门的书面通知</translation>
    </message>
    <message>
        <source>Employer&apos;s head ignored the wage-arrears summons</source>
        <translation>欠薪且负责人拒不接受调查（第四十一条）</translation>
    </message>
    <message>
        <source>The worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Administrative reconsideration decision</source>
        <translation>行政复议决定</translation>
    </message>
    <message>
        <source>Court judgment</source>
        <translation>人民法院判决</translation>
    </message>
    <message>
        <source>The employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Notice of the intended blacklisting</source>
        <translation>拟列入失信联合惩戒名单告知书</translation>
    </message>
    <message>
        <source>Posted at the address</source>
        <translation>张贴送达</translation>
    </message>
    <message>
        <source>A demand was made on the other side</source>
        <translation>向对方当事人主张权利</translation>
    </message>
    <message>
        <source>Relief was sought from an authority</source>
        <translation>向有关部门请求权利救济</translation>
    </message>
    <message>
        <source>The other side agreed to perform</source>
        <translation>对方当事人同意履行义务</translation>
    </message>
    <message>
        <source>Not a dispute the commission handles</source>
        <translation>不属于仲裁委员会受理争议范围</translation>
    </message>
    <message>
        <source>Applied for after the 15 days</source>
        <translation>超出十五日申请期间</translation>
    </message>
    <message>
        <source>Confirms an employment relationship</source>
        <translation>确认劳动关系</translation>
    </message>
    <message>
        <source>Already confirmed by a court</source>
        <translation>已经人民法院司法确认</translation>
    </message>
    <message>
        <source>Violates mandatory law</source>
        <translation>违反法律、行政法规强制性规定</translation>
    </message>
    <message>
        <source>Harms the public or others&apos; rights</source>
        <translation>损害国家利益、社会公共利益或他人合法权益</translation>
    </message>
    <message>
        <source>Evidence suspected false</source>
        <translation>证据材料有弄虚作假嫌疑</translation>
    </message>
    <message>
        <source>Not voluntary</source>
        <translation>违反自愿原则</translation>
    </message>
    <message>
        <source>Terms unclear</source>
        <translation>内容不明确</translation>
    </message>
</context>
<context>
    <name>ChooseProjectDialog</name>
    <message>
        <source>Link to a construction project</source>
        <translation>关联工程建设项目</translation>
    </message>
    <message>
        <source>Project name or number</source>
        <translation>项目名称或项目编号</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ClaimRow</name>
    <message>
        <source>Amount in yuan, e.g. 8000.00</source>
        <translation>金额（元），如 8000.00</translation>
    </message>
    <message>
        <source>months: –</source>
        <translation>月数：–</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Enter a non-negative amount with at most 2 decimals.</source>
        <translation>请输入不小于零、最多两位小数的金额。</translation>
    </message>
    <message>
        <source>Whose claim this is: one worker&apos;s, or the same amount for each worker</source>
        <extracomment>The &quot;whose claim&quot; choice that means &quot;the same amount for each worker named&quot;.</extracomment>
        <translation>金额归属：某一名劳动者，或每名劳动者各计同一金额</translation>
    </message>
    <message>
        <source>Each worker</source>
        <translation>每人各计</translation>
    </message>
    <message>
        <source>Worker %1 (no name yet)</source>
        <translation>第%1名劳动者（未填姓名）</translation>
    </message>
</context>
<context>
    <name>ClaimType</name>
    <message>
        <source>Wages</source>
        <translation>劳动报酬（工资）</translation>
    </message>
    <message>
        <source>Overtime pay</source>
        <translation>加班费</translation>
    </message>
    <message>
        <source>Severance</source>
        <translation>经济补偿</translation>
    </message>
    <message>
        <source>Damages</source>
        <translation>赔偿金</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>Work injury benefits (other than medical costs)</source>
        <translation>工伤待遇（医疗费以外）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Work injury medical costs</source>
        <translation>工伤医疗费</translation>
    </message>
    <message>
        <source>Additional compensation (late payment)</source>
        <translation>加付赔偿金</translation>
    </message>
    <message>
        <source>Working time</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Rest and leave</source>
        <translation>休息休假</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close cases</source>
        <translation>批量结案</translation>
    </message>
    <message>
        <source>%1 (possible for %2)</source>
        <translation>%1（适用 %2 件）</translation>
    </message>
    <message>
        <source>Closing step</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>理由类别</translation>
    </message>
    <message>
        <source>Required: why these cases are closed</source>
        <translation>必填：结案原因</translation>
    </message>
    <message>
        <source>Closure reason</source>
        <translation>结案原因</translation>
    </message>
    <message>
        <source>None of the selected cases can be closed by you in its present state.</source>
        <translation>所选案件在当前状态下均不能由您结案。</translation>
    </message>
    <message>
        <source>Enter the closure reason.</source>
        <translation>请填写结案原因。</translation>
    </message>
</context>
<context>
    <name>ClueDialog</name>
    <message>
        <source>Clue from an outside channel</source>
        <translation>登记外部来件线索</translation>
    </message>
    <message>
        <source>Kind of case: %1. The reply deadline goes on the deadline board.</source>
        <translation>案件类型：%1。答复期限将列入期限看板。</translation>
    </message>
    <message>
        <source>18 characters, if the channel gives it</source>
        <translation>18位，来件中有则填写</translation>
    </message>
    <message>
        <source>empty: anonymous report</source>
        <translation>不填：匿名举报</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <source>Channel *</source>
        <translation>来件渠道 *</translation>
    </message>
    <message>
        <source>Channel&apos;s reference number *</source>
        <translation>来件编号 *</translation>
    </message>
    <message>
        <source>Received on *</source>
        <translation>收到日期 *</translation>
    </message>
    <message>
        <source>Reply due by *</source>
        <translation>答复期限 *</translation>
    </message>
    <message>
        <source>Employer *</source>
        <translation>用人单位 *</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Worker&apos;s ID number</source>
        <translation>劳动者身份证号</translation>
    </message>
    <message>
        <source>Amount owed (yuan)</source>
        <translation>拖欠金额（元）</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区县</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Link to the selected case</source>
        <translation>关联到所选案件</translation>
    </message>
    <message>
        <source>Register a new case anyway</source>
        <translation>仍然另立新案</translation>
    </message>
    <message>
        <source>Record the clue</source>
        <translation>登记线索</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Enter a non-negative amount with at most 2 decimals.</source>
        <translation>请输入不小于零、最多两位小数的金额。</translation>
    </message>
    <message>
        <source>Give the worker&apos;s name with the ID number.</source>
        <translation>填写身份证号时请同时填写劳动者姓名。</translation>
    </message>
    <message>
        <source>Choose the case to link the clue to.</source>
        <translation>请选择要关联的案件。</translation>
    </message>
</context>
<context>
    <name>ComplaintType</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>举报</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序错误</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Nothing half-done was saved. Please send the details below to your administrator.</source>
        <translation>程序内部出现错误，未保存任何不完整的数据。请把下面的详细信息发给系统管理员。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Deadline board</source>
        <translation>期限看板</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Due within 3 working days</source>
        <translation>3个工作日内到期</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Extensions to approve</source>
        <translation>待审批延期</translation>
    </message>
    <message>
        <source>Provisional due dates</source>
        <translation>暂定期限</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Orders to pay not met</source>
        <translation>逾期未付清</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>The date cannot be after %1.</source>
        <extracomment>The widest dates a cell shows: a plain one, and a provisional due date with its mark.</extracomment>
        <translation>日期不能晚于 %1。</translation>
    </message>
    <message>
        <source>The date cannot be before %1.</source>
        <translation>日期不能早于 %1。</translation>
    </message>
</context>
<context>
    <name>DeadlineState</name>
    <message>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>按期完成</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>District</name>
    <message>
        <source>Chengqu</source>
        <translation>城区</translation>
    </message>
    <message>
        <source>Haifeng County</source>
        <translation>海丰县</translation>
    </message>
    <message>
        <source>Lufeng City</source>
        <translation>陆丰市</translation>
    </message>
    <message>
        <source>Luhe County</source>
        <translation>陆河县</translation>
    </message>
    <message>
        <source>Honghaiwan Development Zone</source>
        <translation>红海湾经济开发区</translation>
    </message>
    <message>
        <source>Huaqiao Zone</source>
        <translation>华侨管理区</translation>
    </message>
    <message>
        <source>Shanwei Hi-tech Zone</source>
        <translation>汕尾高新区</translation>
    </message>
</context>
<context>
    <name>DocketPage</name>
    <message>
        <source>Hearing schedule</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Print schedule (PDF)…</source>
        <translation>打印开庭排期表（PDF）…</translation>
    </message>
    <message>
        <source>Record as held</source>
        <translation>记录已开庭</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>按庭室</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>庭室</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Tribunal</source>
        <translation>仲裁庭</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <source>Day passed, not recorded</source>
        <translation>开庭日已过，待记录</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已开庭</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>presiding</source>
        <translation>首席</translation>
    </message>
    <message>
        <source>sole</source>
        <translation>独任</translation>
    </message>
    <message>
        <source>%1: %2 hearings</source>
        <translation>%1：共 %2 庭</translation>
    </message>
    <message>
        <source>(place not set)</source>
        <translation>（地点未定）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Workers&apos; names are partly hidden for your role.</source>
        <translation>按您的查看权限，劳动者姓名已隐去部分字符。</translation>
    </message>
    <message>
        <source>time not set</source>
        <translation>时间未定</translation>
    </message>
    <message>
        <source>Recorded as held.</source>
        <translation>已记录为已开庭。</translation>
    </message>
    <message>
        <source>hearing-schedule-%1.pdf</source>
        <translation>开庭排期表-%1.pdf</translation>
    </message>
    <message>
        <source>Save hearing schedule</source>
        <translation>保存开庭排期表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>New document…</source>
        <translation>新建文书…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>重印…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文书</translation>
    </message>
    <message>
        <source>No document can be made at this stage.</source>
        <translation>案件当前阶段没有可制作的文书。</translation>
    </message>
    <message>
        <source>Preview (not kept): %1</source>
        <translation>预览（未保存）：%1</translation>
    </message>
</context>
<context>
    <name>DrawLabels</name>
    <message>
        <source>Not yet inspected</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Problem found, ordered to correct</source>
        <translation>发现问题，责令改正</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>立案查处</translation>
    </message>
    <message>
        <source>Seed not fixed</source>
        <translation>未确定随机种子</translation>
    </message>
    <message>
        <source>Seed fixed, not drawn</source>
        <translation>已确定种子，未抽取</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <source>SHA-256 ranking, version 1</source>
        <translation>SHA-256 排序法（第1版）</translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message>
        <source>Random inspections</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <source>Inspection plans</source>
        <translation>抽查计划</translation>
    </message>
    <message>
        <source>Inspection items</source>
        <translation>抽查事项清单</translation>
    </message>
    <message>
        <source>Employer pool</source>
        <translation>检查对象名录库</translation>
    </message>
    <message>
        <source>Inspector pool</source>
        <translation>执法检查人员名录库</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>Fix seed…</source>
        <translation>确定随机种子…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Re-run and compare</source>
        <translation>重新计算核验</translation>
    </message>
    <message>
        <source>Publication PDF…</source>
        <translation>公示 PDF…</translation>
    </message>
    <message>
        <source>Publication xlsx…</source>
        <translation>公示 Excel…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>检查期间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>已检查/抽取</translation>
    </message>
    <message>
        <source>Choose a plan.</source>
        <translation>请在左侧选择一个抽查计划。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Inspected on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>立案案号</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>登记检查情况…</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>抽查事项：%1</translation>
    </message>
    <message>
        <source>Scope: %1; %2; %3 inspectors per inspection</source>
        <translation>抽取范围：%1；%2；每组执法人员 %3 名</translation>
    </message>
    <message>
        <source>all employers</source>
        <translation>全部用人单位</translation>
    </message>
    <message>
        <source>%1 employers</source>
        <translation>抽取 %1 家</translation>
    </message>
    <message>
        <source>Seed: %1 (published: %2)</source>
        <translation>随机种子：%1（公布于：%2）</translation>
    </message>
    <message>
        <source>Drawn by %1 from a pool of %2 employers.</source>
        <translation>按%1从 %2 家单位的名录库中抽取。</translation>
    </message>
    <message>
        <source>Draw this plan now? The draw and its inputs are recorded and the plan cannot be drawn again.</source>
        <translation>现在抽取这个计划吗？抽取结果及其全部输入将记入审计日志，计划不能重新抽取。</translation>
    </message>
    <message numerus="yes">
        <source>Re-run from the audit record: the same %n employer(s) and inspectors.</source>
        <translation>
            <numerusform>按审计记录重新计算：%n 家检查对象和检查人员与记录一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save publication</source>
        <translation>保存公示文件</translation>
    </message>
</context>
<context>
    <name>EmployerColumns</name>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Watch status</source>
        <translation>监管状态</translation>
    </message>
</context>
<context>
    <name>EmployerDetail</name>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Claimed / recovered (yuan)</source>
        <translation>请求 / 追回（元）</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Complaints in the last 90 days</source>
        <translation>近90日投诉</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>（至 %1）</translation>
    </message>
    <message>
        <source>%1 in all, %2 open</source>
        <translation>共 %1 件，未结 %2 件</translation>
    </message>
</context>
<context>
    <name>EmployerPage</name>
    <message>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Search: employer name or credit code</source>
        <translation>搜索：单位名称或统一社会信用代码</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>共 %n 家</numerusform>
        </translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Arrears risk</source>
        <translation>欠薪风险</translation>
    </message>
    <message>
        <source>Key monitoring</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <source>Blacklisted</source>
        <translation>失信名单</translation>
    </message>
    <message>
        <source>Complaints in the last 90 days</source>
        <translation>近90日投诉</translation>
    </message>
    <message>
        <source>Show only employers with this watch status</source>
        <translation>只显示该监管状态的用人单位</translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>排除出名录库…</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>恢复入库</translation>
    </message>
    <message>
        <source>Declare conflict…</source>
        <translation>登记回避…</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>In the pool</source>
        <translation>在名录库中</translation>
    </message>
    <message>
        <source>%1 employers in the pool under this filter.</source>
        <translation>按此条件，名录库中有 %1 家用人单位。</translation>
    </message>
    <message>
        <source>The first %1 are listed; narrow the filter to see others.</source>
        <translation>仅列出前 %1 家，请缩小筛选范围查看其他单位。</translation>
    </message>
    <message>
        <source>Excluded: %1</source>
        <translation>已排除：%1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Exclude from the pool</source>
        <translation>排除出检查对象名录库</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>排除原因</translation>
    </message>
    <message>
        <source>Declare a conflict (recusal)</source>
        <translation>登记回避</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>回避原因</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>执法人员</translation>
    </message>
</context>
<context>
    <name>EventAction</name>
    <message>
        <source>Handed to arbitration</source>
        <extracomment>Events recorded under a plain kind but with a name of their own (``Event.action``).</extracomment>
        <translation>转仲裁</translation>
    </message>
</context>
<context>
    <name>EventField</name>
    <message>
        <source>Received the award on</source>
        <translation>收到裁决书之日</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>期间最后一日</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>是否在期限内</translation>
    </message>
    <message>
        <source>Days</source>
        <extracomment>Names of what a timeline event records beside a step&apos;s own fields (those carry their labels).</extracomment>
        <translation>天数</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Arbitration case</source>
        <translation>仲裁案件</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Amount recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>决定期限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Service method</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Deemed served on</source>
        <translation>视为送达日</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回证编号</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>办理步骤</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>Service of documents</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记变更</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分配承办人</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额变更</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>%1 cases written…</source>
        <translation>已写入 %1 件…</translation>
    </message>
    <message>
        <source>%1 cases exported to %2.</source>
        <translation>已导出 %1 件案件到 %2。</translation>
    </message>
    <message>
        <source>ID numbers are masked.</source>
        <translation>身份证号已做脱敏处理。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Approve extension</source>
        <translation>审批延期</translation>
    </message>
    <message>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>%1: due %2</source>
        <translation>%1：%2 到期</translation>
    </message>
    <message>
        <source>Days of extension</source>
        <translation>延长天数</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <source> (at most %1)</source>
        <translation>（最多 %1）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <source>Loading the request…</source>
        <translation>正在读取延期申请…</translation>
    </message>
    <message>
        <source>There is no request to decide.</source>
        <translation>没有待审批的延期申请。</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>as many as the rule allows</source>
        <translation>规则允许的最长天数</translation>
    </message>
    <message>
        <source>Requested by %1 on %2 for %3. Reason: %4</source>
        <translation>申请人：%1，申请日期：%2，申请延长：%3。理由：%4</translation>
    </message>
    <message>
        <source>Type the number of days.</source>
        <translation>请输入延长天数。</translation>
    </message>
    <message>
        <source>Give the reason for refusing.</source>
        <translation>请填写不予批准的理由。</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <source>Record a grading fact</source>
        <translation>登记评价事实</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>The facts and their source: document number, record, who reported it</source>
        <translation>事实及来源：文书编号、笔录、通报单位等</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>事实和依据</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Key monitoring</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <source>Blacklisted</source>
        <translation>失信名单</translation>
    </message>
</context>
<context>
    <name>GlobalSearchWindow</name>
    <message>
        <source>Search all cases</source>
        <translation>搜索全部案件</translation>
    </message>
    <message>
        <source>ID numbers and phones are shown masked; open the case file to see more. Reporters&apos; identities are never searched.</source>
        <translation>身份证号码和电话号码均脱敏显示，详情请打开案卷查看。举报人身份不在搜索范围内。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Type at least two characters or some digits.</source>
        <translation>请至少输入两个字或若干数字。</translation>
    </message>
    <message>
        <source>More than %1 cases: narrow the search</source>
        <translation>超过 %1 件：请缩小搜索范围</translation>
    </message>
    <message>
        <source>No case found.</source>
        <translation>未找到案件。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Search all cases: name, ID number or its last 4 digits, phone, case number, employer</source>
        <translation>搜索全部案件：姓名、身份证号或后4位、电话、案号、用人单位或信用代码</translation>
    </message>
</context>
<context>
    <name>GradingPage</name>
    <message>
        <source>Confirmed</source>
        <translation>已确定</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>待确定</translation>
    </message>
    <message>
        <source>Grade A</source>
        <translation>A级</translation>
    </message>
    <message>
        <source>Grade B</source>
        <translation>B级</translation>
    </message>
    <message>
        <source>Grade C</source>
        <translation>C级</translation>
    </message>
    <message>
        <source>Mass or extreme incident, serious public harm</source>
        <translation>引发群体性事件、极端事件或造成严重不良社会影响</translation>
    </message>
    <message>
        <source>Child labour, forced labour or other serious violation</source>
        <translation>使用童工、强迫劳动等严重违法</translation>
    </message>
    <message>
        <source>Refused an order to rectify or a decision</source>
        <translation>拒不履行限期整改指令、处理决定或处罚决定</translation>
    </message>
    <message>
        <source>Resisted or obstructed an inspection</source>
        <translation>无理抗拒、阻挠劳动保障监察</translation>
    </message>
    <message>
        <source>Held criminally liable</source>
        <translation>被追究刑事责任</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>确定等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Main reason</source>
        <translation>主要依据</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确定人</translation>
    </message>
    <message>
        <source>Compliance grading</source>
        <translation>守法诚信等级</translation>
    </message>
    <message>
        <source>Compliance grading (A/B/C)</source>
        <translation>劳动保障守法诚信等级评价</translation>
    </message>
    <message>
        <source>The year evaluated: the grading uses that year&apos;s record</source>
        <translation>评价年度：依据该年度的劳动保障守法诚信记录评价</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Proposed and confirmed</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Employer name or credit code</source>
        <translation>用人单位名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>Propose grades for the year</source>
        <translation>生成年度评价意见</translation>
    </message>
    <message>
        <source>Record a fact…</source>
        <translation>登记事实…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Change grade…</source>
        <translation>改变等级…</translation>
    </message>
    <message>
        <source>Confirm all shown</source>
        <translation>全部确定（当前列表）</translation>
    </message>
    <message>
        <source>Notice (PDF)…</source>
        <translation>告知书（PDF）…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>No grades for this year yet.</source>
        <translation>该年度尚未生成评价意见。</translation>
    </message>
    <message>
        <source>Year %1: grade A %2, grade B %3, grade C %4; proposed %5, confirmed %6, changed %7</source>
        <translation>%1年度：A级 %2 家，B级 %3 家，C级 %4 家；待确定 %5，已确定 %6，改变评价意见 %7</translation>
    </message>
    <message>
        <source>Reason for the change: %1</source>
        <translation>改变理由：%1</translation>
    </message>
    <message>
        <source>Select an employer first.</source>
        <translation>请先选择一家用人单位。</translation>
    </message>
    <message>
        <source>Proposals written for %1: A %2, B %3, C %4; %5 confirmed grades kept.</source>
        <translation>已生成%1年度评价意见：A级 %2，B级 %3，C级 %4；已确定的 %5 家保持不变。</translation>
    </message>
    <message>
        <source>Confirm every unchanged proposal of the list as it is filtered now?</source>
        <translation>按当前筛选结果，确定列表中所有未改变的评价意见？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>compliance-grades-%1</source>
        <translation>守法诚信等级评价-%1年度</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Only a confirmed grade is notified to the employer.</source>
        <translation>只有已确定的等级才能告知用人单位。</translation>
    </message>
    <message>
        <source>grading-notice-%1.pdf</source>
        <translation>守法诚信等级评价结果告知书-%1.pdf</translation>
    </message>
    <message>
        <source>Compliance grade</source>
        <translation>守法诚信等级</translation>
    </message>
    <message>
        <source>Grade %1 (year %2)</source>
        <translation>%1级（%2年度）</translation>
    </message>
    <message>
        <source>Not graded</source>
        <extracomment>Recorded for the program, never for the reader: row ids, the PDF&apos;s hash, a clock&apos;s rule code. A value that is a code (``direct``, ``insp.investigate.gd``) or a hash, not words.</extracomment>
        <translation>未评价</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>共 %n 家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grade(s) confirmed.</source>
        <translation>
            <numerusform>已确定 %n 家。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HearingAdminTab</name>
    <message>
        <source>Hearing rooms</source>
        <translation>仲裁庭室</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>新增庭室…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Arbitrator roster</source>
        <translation>仲裁员名册</translation>
    </message>
    <message>
        <source>Full-time / part-time</source>
        <translation>专职/兼职</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>New arbitrator…</source>
        <translation>新增仲裁员…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <source>Replaces the hearing booked for %1.</source>
        <translation>将取代原定于 %1 的开庭安排。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>(elsewhere: give the place below)</source>
        <translation>（不在庭室：请在下方填写开庭地点）</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未选）</translation>
    </message>
    <message>
        <source>part-time</source>
        <translation>兼职</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>An Excel (.xlsx) or CSV ledger with a header row (案号, 收案日期, …). Every row is checked first; rows with problems are listed in a workbook you can correct and import again. Case numbers already on file are skipped.</source>
        <translation>Excel（.xlsx）或 CSV 台账，首行为表头（案号、收案日期……）。导入前逐行检查；有问题的行列入一份错误报告工作簿，改正后可再次导入。已登记的案号自动跳过。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Every kind (from the 案件类型 column)</source>
        <translation>各类案件（按“案件类型”列）</translation>
    </message>
    <message>
        <source>Cases of</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Check only, write nothing</source>
        <translation>仅检查，不写入</translation>
    </message>
    <message>
        <source>Import the good rows even if some rows are rejected</source>
        <translation>有问题的行不导入，其余行照常导入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>台账 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Choose an existing .xlsx or .csv file.</source>
        <translation>请选择一个已存在的 .xlsx 或 .csv 文件。</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Checking the ledger…</source>
        <translation>正在检查台账…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Checking the ledger… %1 rows</source>
        <translation>正在检查台账…已查 %1 行</translation>
    </message>
    <message>
        <source>Writing cases… %1 of %2</source>
        <translation>正在写入案件…%1 / %2</translation>
    </message>
    <message>
        <source>%1 rows: %2 could be imported, %3 already on file, %4 rows with problems.</source>
        <translation>共 %1 行：可导入 %2 件，已登记跳过 %3 件，有问题 %4 行。</translation>
    </message>
    <message>
        <source>%1 rows: %2 created, %3 already on file, %4 rows with problems.</source>
        <translation>共 %1 行：新建 %2 件，已登记跳过 %3 件，有问题 %4 行。</translation>
    </message>
    <message>
        <source>Nothing was imported: correct the rows listed in the report and import again.</source>
        <translation>未导入任何数据：请按错误报告改正后再次导入。</translation>
    </message>
    <message>
        <source>Check only: nothing was written.</source>
        <translation>仅检查：未写入任何数据。</translation>
    </message>
    <message>
        <source>Check passed: nothing was written.</source>
        <translation>检查通过：未写入任何数据。</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行“%2”：%3</translation>
    </message>
    <message>
        <source>… %1 problems in all.</source>
        <translation>……共 %1 个问题。</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>打开错误报告</translation>
    </message>
</context>
<context>
    <name>InspectorsTab</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Can be drawn</source>
        <translation>可被抽选</translation>
    </message>
    <message>
        <source>Declared conflicts (recusal)</source>
        <translation>已登记的回避</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>回避原因</translation>
    </message>
    <message>
        <source>No: no enforcement certificate</source>
        <translation>否：无执法证</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No: %1</source>
        <translation>否：%1</translation>
    </message>
    <message>
        <source>Inspector: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message>
        <source>Why unavailable</source>
        <translation>不可抽选的原因</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <source>Amount awarded (yuan)</source>
        <translation>裁决金额（元）</translation>
    </message>
    <message>
        <source>Outstanding %1</source>
        <translation>尚欠 %1</translation>
    </message>
    <message>
        <source>Amount ordered (yuan)</source>
        <translation>责令支付金额（元）</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <source>Add item…</source>
        <translation>新增事项…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Inspection item</source>
        <translation>抽查事项</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>抽查依据</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项名称</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Arbitration</source>
        <translation>仲裁</translation>
    </message>
    <message>
        <source>Inspection complaint</source>
        <translation>监察投诉</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Labour dispute and wage arrears case management</source>
        <translation>劳动争议与欠薪案件管理系统</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in — DEMO database</source>
        <translation>登录 — 演示数据库</translation>
    </message>
    <message>
        <source>DEMO database: every case and person in it is invented, and the passwords of its accounts are published. Never enter real cases here.</source>
        <translation>演示数据库：其中的案件和人员均为虚构，账号密码是公开的。请勿录入真实案件。</translation>
    </message>
    <message>
        <source>(choose a demo account)</source>
        <translation>（选择演示账号）</translation>
    </message>
    <message>
        <source>Demo account</source>
        <translation>演示账号</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Labour dispute and wage arrears cases</source>
        <translation>劳动争议与欠薪案件管理</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <extracomment>The first start&apos;s size where the screen has room for it (with a title bar and frame).</extracomment>
        <translation>工作台</translation>
    </message>
    <message>
        <source> — simulated date %1</source>
        <translation> — 模拟日期 %1</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <source>Arbitration</source>
        <translation>仲裁案件</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>监察投诉</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>欠薪预防</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>Kind of case</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Selected cases</source>
        <translation>批量办理</translation>
    </message>
    <message>
        <source>Select one or more cases first.</source>
        <translation>请先选择一件或多件案件。</translation>
    </message>
    <message>
        <source>Today is %1.</source>
        <extracomment>Complaints deemed accepted per write at start-up, and at most per start (the rest at the next start, as before). In steps so that quitting waits for one step at most (about 0.1 s at 1M cases): a single transaction of 500 took 5 s, and quitting waited for all of it.</extracomment>
        <translation>今天是 %1。</translation>
    </message>
    <message>
        <source>Your cases due today: %1</source>
        <translation>您今日到期的案件：%1 件</translation>
    </message>
    <message>
        <source>Your overdue cases: %1</source>
        <translation>您已超期的案件：%1 件</translation>
    </message>
    <message>
        <source>Extensions to approve: %1</source>
        <translation>待审批的延期：%1 件</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Hearings</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source> — DEMO database</source>
        <translation> — 演示数据库</translation>
    </message>
</context>
<context>
    <name>MediationLink</name>
    <message>
        <source>Pre-filing mediation: diverted (acceptance deferred)</source>
        <extracomment>(block, figure) -&gt; label; the order is casemgr.metrics.mediation_link.ROWS.</extracomment>
        <translation>立案前调解：暂缓受理转调解</translation>
    </message>
    <message>
        <source>— settled, closed before filing</source>
        <translation>— 调解成功（立案前结案）</translation>
    </message>
    <message>
        <source>— not settled, acceptance resumed</source>
        <translation>— 调解不成，恢复受理</translation>
    </message>
    <message>
        <source>— withdrawn while deferred</source>
        <translation>— 暂缓期间撤回申请</translation>
    </message>
    <message>
        <source>— amount agreed (yuan)</source>
        <translation>— 协议金额（元）</translation>
    </message>
    <message>
        <source>Entrusted mediation: entrusted</source>
        <translation>委托调解：委托</translation>
    </message>
    <message>
        <source>— agreement reached</source>
        <translation>— 达成协议</translation>
    </message>
    <message>
        <source>— no agreement, to the hearing</source>
        <translation>— 未达成协议，开庭审理</translation>
    </message>
    <message>
        <source>— withdrawn while entrusted</source>
        <translation>— 委托期间撤回申请</translation>
    </message>
    <message>
        <source>Review of mediation agreements: joint applications</source>
        <translation>调解协议仲裁审查：共同申请</translation>
    </message>
    <message>
        <source>— accepted</source>
        <translation>— 受理</translation>
    </message>
    <message>
        <source>— not accepted</source>
        <translation>— 不予受理</translation>
    </message>
    <message>
        <source>— confirmed by a mediation statement</source>
        <translation>— 出具调解书（确认）</translation>
    </message>
    <message>
        <source>— refused</source>
        <translation>— 不予制作调解书</translation>
    </message>
    <message>
        <source>— withdrawn</source>
        <translation>— 撤回申请</translation>
    </message>
    <message>
        <source>Mediation joined to arbitration</source>
        <translation>调裁衔接</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>本年累计</translation>
    </message>
    <message>
        <source>Counted by the date of each step. Applications settled before filing were never accepted: they are in neither the arbitration closure rate nor the mediation success rate.</source>
        <translation>按办理步骤的日期统计。立案前调解成功的申请未经受理，不计入仲裁结案率和调解成功率。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>(from the employer)</source>
        <translation>（同用人单位）</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Received through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Platform, 12345 or petition number, if any</source>
        <translation>平台、12345 或信访编号（如有）</translation>
    </message>
    <message>
        <source>External reference</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <source>Complaint or report</source>
        <translation>投诉或举报</translation>
    </message>
    <message>
        <source>What happened, in a few sentences</source>
        <translation>简要说明案情</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Handed over from mediation case %1</source>
        <translation>由调解案件 %1 转来</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Type part of the name to find an employer on file</source>
        <translation>输入部分名称查找已登记的用人单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Add worker</source>
        <translation>增加劳动者</translation>
    </message>
    <message>
        <source>Workers involved in all</source>
        <translation>涉及劳动者总数</translation>
    </message>
    <message>
        <source>as listed</source>
        <translation>按所列人数</translation>
    </message>
    <message>
        <source>Flags proposed</source>
        <translation>系统建议的标记</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动判断</translation>
    </message>
    <message>
        <source>yes (by hand)</source>
        <translation>是（手工设定）</translation>
    </message>
    <message>
        <source>no (by hand)</source>
        <translation>否（手工设定）</translation>
    </message>
    <message>
        <source>Reason for setting it by hand</source>
        <translation>手工设定的理由</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>New mediation case</source>
        <translation>登记调解案件</translation>
    </message>
    <message>
        <source>New arbitration application</source>
        <translation>登记仲裁申请</translation>
    </message>
    <message>
        <source>New inspection complaint</source>
        <translation>登记监察投诉</translation>
    </message>
    <message>
        <source>Not a valid unified social credit code (check character wrong).</source>
        <translation>不是有效的统一社会信用代码（校验码不符）。</translation>
    </message>
    <message>
        <source>Green channel: set by hand.</source>
        <translation>绿色通道：手工设定。</translation>
    </message>
    <message>
        <source>Green channel: a migrant worker claims unpaid wages.</source>
        <translation>绿色通道：农民工追讨工资。</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <source>Collective: %1 workers are involved.</source>
        <translation>集体案件：涉及 %1 名劳动者。</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Supervised: collective wage arrears, or many workers or a large amount.</source>
        <translation>挂牌督办：集体欠薪，或涉及人数、金额较大。</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>No special flags.</source>
        <translation>无特殊标记。</translation>
    </message>
    <message>
        <source>Possible duplicate: the same worker already has an open case against this employer (%1). You can still register this one.</source>
        <translation>可能重复：该劳动者对同一用人单位已有未结案件（%1）。仍可继续登记。</translation>
    </message>
    <message>
        <source>Enter the employer&apos;s name.</source>
        <translation>请填写用人单位名称。</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <source>Not registered: %1</source>
        <translation>未登记：%1</translation>
    </message>
    <message>
        <source>Violation happened (or ended) on</source>
        <translation>违法行为发生（或终了）之日</translation>
    </message>
    <message>
        <source>Employment ended on</source>
        <translation>劳动关系终止之日</translation>
    </message>
    <message>
        <source>Knew of the infringement on</source>
        <translation>知道或应当知道权利被侵害之日</translation>
    </message>
    <message>
        <source>Limitation last interrupted on</source>
        <translation>时效最近一次中断之日</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>(the bureau&apos;s default)</source>
        <translation>（按本局默认）</translation>
    </message>
    <message>
        <source>Bureau mediation centre</source>
        <translation>本局劳动人事争议调解中心</translation>
    </message>
    <message>
        <source>Enterprise mediation committee</source>
        <translation>企业劳动争议调解委员会</translation>
    </message>
    <message>
        <source>Mediated by</source>
        <translation>调解组织</translation>
    </message>
    <message>
        <source>Total amount: %1 yuan</source>
        <translation>合计：%1 元</translation>
    </message>
    <message>
        <source>Flags are proposed once workers and amounts are entered.</source>
        <translation>填写劳动者和金额后，系统会建议标记。</translation>
    </message>
    <message>
        <source>Discard this registration? What you entered will be lost.</source>
        <translation>放弃本次登记？已填写的内容将丢失。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>on the wage-arrears blacklist (until %1)</source>
        <translation>已列入拖欠农民工工资失信联合惩戒名单（至 %1）</translation>
    </message>
    <message>
        <source>under key monitoring</source>
        <translation>为工资支付重点监控对象</translation>
    </message>
    <message>
        <source>%1 open case(s): %2</source>
        <translation>未结案件 %1 件（%2）</translation>
    </message>
    <message>
        <source>%1 complaint(s) in the last 90 days</source>
        <translation>近90日投诉 %1 件</translation>
    </message>
    <message>
        <source>This employer is on file: %1. You can still register this case.</source>
        <translation>该用人单位已有记录：%1。仍可登记本案。</translation>
    </message>
    <message>
        <source>Choose the district: this employer has none on file.</source>
        <translation>请选择区县：该用人单位未登记所在区县。</translation>
    </message>
    <message>
        <source>Choose the district: the employer is new to the register.</source>
        <translation>请选择区县：该用人单位为首次登记。</translation>
    </message>
    <message>
        <source>The worker this claim is for has no name yet.</source>
        <translation>该项所属的劳动者尚未填写姓名。</translation>
    </message>
    <message>
        <source>Choose the district.</source>
        <translation>请选择区县。</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <source>New document</source>
        <translation>新建文书</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Make and keep</source>
        <translation>制作并存档</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Print notices</source>
        <translation>打印通知书</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Save the PDFs in</source>
        <translation>PDF 保存位置</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>No notice is called for at the stage of the selected cases.</source>
        <translation>所选案件当前所处阶段没有需要制作的文书。</translation>
    </message>
    <message>
        <source>Choose a notice.</source>
        <translation>请选择通知书。</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Mediation agreement</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>达成和解</translation>
    </message>
    <message>
        <source>Withdrawn after settlement</source>
        <translation>和解后撤回</translation>
    </message>
    <message>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>No agreement within 15 days</source>
        <translation>15日内未达成协议</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Arbitral mediation statement</source>
        <translation>仲裁调解书</translation>
    </message>
    <message>
        <source>Deemed withdrawn</source>
        <translation>按撤回处理</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止审理</translation>
    </message>
    <message>
        <source>Order to rectify</source>
        <translation>责令改正</translation>
    </message>
    <message>
        <source>Administrative penalty</source>
        <translation>行政处罚</translation>
    </message>
    <message>
        <source>Filing cancelled</source>
        <translation>撤销立案</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>Referred to dispute procedure</source>
        <translation>告知通过争议程序解决</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Settled before filing</source>
        <translation>立案前调解成功</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Correct the person&apos;s details</source>
        <translation>更正当事人信息</translation>
    </message>
    <message>
        <source>Correct the employer</source>
        <translation>更正用人单位信息</translation>
    </message>
    <message>
        <source>leave empty to keep the current value</source>
        <translation>留空则保持原值</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名/名称 *</translation>
    </message>
    <message>
        <source>New ID number</source>
        <translation>新身份证号</translation>
    </message>
    <message>
        <source>New phone</source>
        <translation>新电话</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>新住址</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区县</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>PartyRole</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>举报人</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New inspection plan</source>
        <translation>新建抽查计划</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>Number of employers</source>
        <translation>抽取家数</translation>
    </message>
    <message>
        <source>Share of the pool (%)</source>
        <translation>抽取比例（%）</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>检查期间自</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>检查期间至</translation>
    </message>
    <message>
        <source>Inspection items</source>
        <translation>抽查事项清单</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Inspectors per inspection</source>
        <translation>每组执法人员人数</translation>
    </message>
</context>
<context>
    <name>PreventionPage</name>
    <message>
        <source>Nothing here for your role.</source>
        <translation>您的角色在此没有可用的功能。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print…</source>
        <extracomment>PDFium is not thread-safe: one rendering at a time, whichever thread asks.</extracomment>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>已处理 %1 / %2 件</translation>
    </message>
</context>
<context>
    <name>ProjectColumns</name>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Project no.</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>施工总承包单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Open the project to see why</source>
        <translation>打开项目查看预警原因</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Construction project</source>
        <translation>工程建设项目</translation>
    </message>
    <message>
        <source>New construction project</source>
        <translation>登记工程建设项目</translation>
    </message>
    <message>
        <source>Complaints linked to this project</source>
        <translation>关联本项目的投诉举报</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Link a complaint…</source>
        <translation>关联投诉…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Project no.</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>项目地址</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>竣工日期</translation>
    </message>
    <message>
        <source>Units (found by credit code)</source>
        <translation>参建单位（按统一社会信用代码识别）</translation>
    </message>
    <message>
        <source>credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>One per line: name（credit code）</source>
        <translation>每行一个：名称（统一社会信用代码）</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>建设单位</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>施工总承包单位</translation>
    </message>
    <message>
        <source>Subcontractors</source>
        <translation>分包单位</translation>
    </message>
    <message>
        <source>Wage safeguards (两金三制)</source>
        <translation>两金三制落实情况</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>not deposited</source>
        <translation>未存储</translation>
    </message>
    <message>
        <source>not opened</source>
        <translation>未开设</translation>
    </message>
    <message>
        <source>not in place</source>
        <translation>未落实</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>未设立</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Wage deposit (yuan)</source>
        <translation>工资保证金（元）</translation>
    </message>
    <message>
        <source>Deposit bank</source>
        <translation>保证金存储银行</translation>
    </message>
    <message>
        <source>Deposited on</source>
        <translation>保证金存储日期</translation>
    </message>
    <message>
        <source>Wage account bank</source>
        <translation>专用账户开户银行</translation>
    </message>
    <message>
        <source>Account opened on</source>
        <translation>专用账户开户日期</translation>
    </message>
    <message>
        <source>Real-name roster since</source>
        <translation>实名制落实日期</translation>
    </message>
    <message>
        <source>Notice board set up on</source>
        <translation>告示牌设立日期</translation>
    </message>
    <message>
        <source>Latest paid by the general contractor</source>
        <translation>最近一次总包代发日期</translation>
    </message>
    <message>
        <source>Warning colour: %1</source>
        <translation>预警颜色：%1</translation>
    </message>
    <message>
        <source>Every element in place; no complaint.</source>
        <translation>两金三制均已落实，没有投诉。</translation>
    </message>
    <message>
        <source>Link a complaint</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <source>Case number of the complaint:</source>
        <translation>投诉举报案件的案号：</translation>
    </message>
</context>
<context>
    <name>ProjectImportDialog</name>
    <message>
        <source>Import a project ledger</source>
        <translation>导入工程建设项目台账</translation>
    </message>
    <message>
        <source>An Excel (.xlsx) or CSV ledger with a header row (项目名称, 施工总承包单位, 开工日期, …; see the template). Every row is checked first and nothing is imported while any row has a problem. A project already on file (same 项目编号, or same name) is updated.</source>
        <translation>Excel（.xlsx）或 CSV 台账，须有表头行（项目名称、施工总承包单位、开工日期……，见模板）。导入前逐行检查，任何一行有问题都不会导入任何项目。已登记的项目（项目编号相同，没有编号时项目名称相同）将被更新。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose a project ledger</source>
        <translation>选择项目台账</translation>
    </message>
    <message>
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>台账文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>该文件无法导入。</translation>
    </message>
    <message>
        <source>%1 row(s): %2 new project(s), %3 update(s) of projects on file.</source>
        <translation>共 %1 行：新增项目 %2 个，更新已登记项目 %3 个。</translation>
    </message>
    <message>
        <source>%1 problem(s) below: correct the file and choose it again; nothing is imported.</source>
        <translation>下列 %1 处问题：请修改文件后重新选择；本次不会导入任何项目。</translation>
    </message>
    <message>
        <source>Imported: %1 new project(s), %2 updated.</source>
        <translation>导入完成：新增项目 %1 个，更新 %2 个。</translation>
    </message>
</context>
<context>
    <name>ProjectLabels</name>
    <message>
        <source>Red</source>
        <extracomment>background and text colour of each warning level</extracomment>
        <translation>红色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无预警</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开工</translation>
    </message>
    <message>
        <source>Under construction</source>
        <translation>在建</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停工</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>竣工</translation>
    </message>
    <message>
        <source>Wage account</source>
        <translation>农民工工资专用账户</translation>
    </message>
    <message>
        <source>Wage deposit</source>
        <translation>工资保证金</translation>
    </message>
    <message>
        <source>Real-name roster</source>
        <translation>实名制管理</translation>
    </message>
    <message>
        <source>Rights notice board</source>
        <translation>维权信息告示牌</translation>
    </message>
    <message>
        <source>Wages paid by the general contractor</source>
        <translation>总包代发工资</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>Construction projects</source>
        <translation>工程项目台账</translation>
    </message>
    <message>
        <source>Construction project register</source>
        <translation>工程建设项目台账</translation>
    </message>
    <message>
        <source>Search: project name or number</source>
        <translation>搜索：项目名称或项目编号</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>登记项目…</translation>
    </message>
    <message>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <source>Any element</source>
        <translation>全部要素</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>Only projects in this district</source>
        <translation>只显示该区县的项目</translation>
    </message>
    <message>
        <source>Only projects of this warning colour</source>
        <translation>只显示该预警颜色的项目</translation>
    </message>
    <message>
        <source>Only projects under way that lack this element</source>
        <translation>只显示缺少该要素的在建（停工）项目</translation>
    </message>
    <message>
        <source>Red: an open complaint, or the wage account, deposit or roster long overdue; orange / yellow: an element overdue, or a complaint in the last year.</source>
        <translation>红色：有未办结投诉，或专用账户、保证金、实名制长期未落实；橙色/黄色：有要素逾期未落实，或近一年有投诉。</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>Award publication copy</source>
        <translation>裁决书公开文本</translation>
    </message>
    <message>
        <source>Award as served</source>
        <translation>裁决书原文（已送达）</translation>
    </message>
    <message>
        <source>Publication copy</source>
        <translation>公开文本</translation>
    </message>
    <message>
        <source>Approve for publication</source>
        <translation>批准公开</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <source>Save text…</source>
        <translation>保存文本…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A party&apos;s name runs into a word here and was left as it is; check it: %1</source>
        <translation>以下位置当事人姓名与其他词语相连，未作替换，请核对：%1</translation>
    </message>
    <message>
        <source>Approved by %1 on %2 and kept in the case file.</source>
        <translation>已由%1于%2批准公开，公开文本已存入案卷。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Save publication copy</source>
        <translation>保存公开文本</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Names of natural persons become surname + 某; ID numbers, phone numbers, home addresses and bank accounts are removed; employers are kept (Supreme People&apos;s Court, Provisions on the Publication of Judgments on the Internet, Fa Shi [2016] No. 19, Arts. 9–11). Check the copy before approving it.</source>
        <translation>自然人姓名保留姓氏、名字以“某”替代；身份证件号码、电话号码、家庭住址、银行账号予以删除；用人单位名称保留（《最高人民法院关于人民法院在互联网公布裁判文书的规定》（法释〔2016〕19号）第九条至第十一条）。请核对公开文本后再批准。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of personal data removed.</source>
        <translation>
            <numerusform>已删除 %n 处个人信息。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Qt&apos;s own strings that the qtbase_zh_CN.qm shipped with PySide6 lacks (Qt 6 added the mnemonics to the file dialog&apos;s labels after its Chinese translation was made, so the dialog said &quot;Look in:&quot; and &quot;Files of type:&quot; in English). Our catalogue carries them under Qt&apos;s own contexts; it is installed after qtbase&apos;s, so Qt asks it first.</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Don&apos;t Save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>关闭且不保存</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign cases</source>
        <translation>批量改派</translation>
    </message>
    <message>
        <source>New handler</source>
        <translation>新承办人</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 open cases</source>
        <translation>%1（%2）— 在办 %3 件</translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation>请选择用户。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Monthly report</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save as PDF, JSON or Excel</source>
        <translation>保存为 PDF、JSON 或 Excel</translation>
    </message>
    <message>
        <source>Open / print</source>
        <translation>打开 / 打印</translation>
    </message>
    <message>
        <source>Open the saved PDF in the PDF viewer, which prints it</source>
        <translation>用 PDF 阅读器打开已保存的文件，在其中打印</translation>
    </message>
    <message>
        <source>Your role may not generate reports.</source>
        <translation>您的角色无权生成报表。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>monthly-report-%1.pdf</source>
        <translation>劳动争议案件月报-%1.pdf</translation>
    </message>
    <message>
        <source>Wages recovered (yuan)</source>
        <translation>追回工资（元）</translation>
    </message>
    <message>
        <source>Amount claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <source>Workers helped</source>
        <translation>维权人数</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Collective cases</source>
        <translation>集体案件</translation>
    </message>
    <message>
        <source>Supervised cases</source>
        <translation>挂牌督办案件</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>本年累计</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>分类统计</translation>
    </message>
    <message>
        <source>Overdue counted on %1.</source>
        <translation>超期案件按 %1 计算。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Pending at start</source>
        <translation>期初未结</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Recovered (yuan)</source>
        <translation>追回金额（元）</translation>
    </message>
    <message>
        <source>This month is closed: the figures are the closing snapshot.</source>
        <translation>本月已结账：数据为结账时的快照。</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;JSON files (*.json);;Excel workbooks (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;JSON 文件 (*.json);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Close the month…</source>
        <translation>本月关账…</translation>
    </message>
    <message>
        <source>Freeze this month&apos;s figures: later reprints show exactly what was reported</source>
        <translation>冻结本月数据：以后重印的报表与上报时完全一致</translation>
    </message>
    <message>
        <source>Reopen the month…</source>
        <translation>重新开账…</translation>
    </message>
    <message>
        <source>Drop the frozen figures; the month reports live figures again</source>
        <translation>撤销冻结数据，本月报表恢复按实时数据统计</translation>
    </message>
    <message>
        <source>This month is not closed</source>
        <translation>本月未关账</translation>
    </message>
    <message>
        <source>This month is closed (%1, by %2)</source>
        <translation>本月已关账（%1，%2）</translation>
    </message>
    <message>
        <source>A month can be closed once it has ended</source>
        <translation>月份结束后才能关账</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close the month</source>
        <translation>关账</translation>
    </message>
    <message>
        <source>Close %1? Its figures are frozen as they are now; the report of this month will print these figures, and later corrections are listed beside them.</source>
        <translation>确定对 %1 关账吗？本月数据将按现状冻结，以后打印本月报表均使用这些数据，之后的更正另行列出。</translation>
    </message>
    <message>
        <source>Reopen the month</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <source>Reopen %1? The frozen figures are dropped (the audit log keeps them).</source>
        <translation>确定对 %1 重新开账吗？冻结的数据将被撤销（审计日志保留原数据）。</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Record the inspection: %1</source>
        <translation>登记检查情况：%1</translation>
    </message>
    <message>
        <source>Case number, when a case was opened</source>
        <translation>立案查处时填写案号</translation>
    </message>
    <message>
        <source>Inspected on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Inspection case</source>
        <translation>监察案件</translation>
    </message>
    <message>
        <source>Note (not published)</source>
        <translation>说明（不公示）</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Complaints in the last 90 days</source>
        <extracomment>Each factor: its name and how one fact is counted (%1 the count).</extracomment>
        <translation>近90日投诉举报</translation>
    </message>
    <message>
        <source>Cases in the last 365 days</source>
        <translation>近365日案件</translation>
    </message>
    <message>
        <source>Orders or awards not fully paid</source>
        <translation>责令支付或裁决未足额履行</translation>
    </message>
    <message>
        <source>Repeat violations found (365 days, beyond the first)</source>
        <translation>近365日再次查处违法（首次以外）</translation>
    </message>
    <message>
        <source>Collective cases in the last 365 days</source>
        <translation>近365日集体案件</translation>
    </message>
    <message>
        <source>Open arrears per worker, in months of the minimum wage</source>
        <translation>未结欠薪人均金额（按月最低工资标准计月数）</translation>
    </message>
    <message>
        <source>On the blacklist (失信联合惩戒名单)</source>
        <translation>列入失信联合惩戒名单</translation>
    </message>
    <message>
        <source>Under key monitoring (重点监控)</source>
        <translation>列为工资支付重点监控</translation>
    </message>
    <message>
        <source>No warning</source>
        <translation>未达预警</translation>
    </message>
    <message>
        <source>Other factor</source>
        <translation>其他因素</translation>
    </message>
    <message>
        <source>%1: %2 × %3 points = %4 points</source>
        <translation>%1：%2 × %3 分 = %4 分</translation>
    </message>
    <message>
        <source> (counted up to %1)</source>
        <translation>（最多计 %1）</translation>
    </message>
    <message>
        <source> (%1 yuan per worker; minimum wage %2)</source>
        <translation>（人均 %1 元；月最低工资标准 %2 元）</translation>
    </message>
    <message>
        <source>Arrears risk: points per fact — %1</source>
        <translation>欠薪风险：每项分值 — %1</translation>
    </message>
    <message>
        <source>Arrears risk: most facts counted — %1</source>
        <translation>欠薪风险：最多计入项数 — %1</translation>
    </message>
    <message>
        <source>Arrears risk: lowest score of %1</source>
        <translation>欠薪风险：%1预警的最低分</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source> (computed for %1)</source>
        <translation>（计算日期 %1）</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4 points)</source>
        <translation>%1：%2 → %3（%4 分）</translation>
    </message>
</context>
<context>
    <name>RiskColumns</name>
    <message>
        <source>Level</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Level since</source>
        <translation>等级起始日</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Arrears risk warning</source>
        <translation>欠薪风险预警</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Score every employer again from today&apos;s record</source>
        <translation>按今天的记录重新计算每个用人单位的风险分值</translation>
    </message>
    <message>
        <source>Select an employer to see why it is on the list.</source>
        <translation>选择一个用人单位，查看其列入预警的原因。</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n 家用人单位</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 points</source>
        <translation>%1，%2 分</translation>
    </message>
    <message>
        <source>Computed for %1</source>
        <translation>计算日期：%1</translation>
    </message>
    <message>
        <source>Recomputed: %1 red, %2 orange, %3 yellow; %4 level change(s)</source>
        <translation>已重新计算：红色 %1 家，橙色 %2 家，黄色 %3 家；等级变化 %4 次</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>科长/主任</translation>
    </message>
    <message>
        <source>Arbitration clerk</source>
        <translation>仲裁书记员</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Labour inspector</source>
        <translation>劳动保障监察员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>RosterEntryDialog</name>
    <message>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Hearing room</source>
        <translation>仲裁庭室</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Full-time arbitrator</source>
        <translation>专职仲裁员</translation>
    </message>
    <message>
        <source>(not a user of this program)</source>
        <translation>（不是本系统用户）</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Working days (otherwise calendar days)</source>
        <translation>按工作日计算（否则按自然日）</translation>
    </message>
    <message>
        <source>Statutory limit</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Length (days)</source>
        <translation>期限（天）</translation>
    </message>
    <message>
        <source>Extension (days)</source>
        <translation>可延长（天）</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Running clocks keep the period they started with.</source>
        <translation>已在计算的期限仍按起算时的规则。</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>Edit rule…</source>
        <translation>修改规则…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Rule saved; new clocks use it.</source>
        <translation>规则已保存，新起算的期限将按此计算。</translation>
    </message>
</context>
<context>
    <name>SearchColumns</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>last 4 of ID number</source>
        <translation>身份证号后4位</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>employer name</source>
        <translation>用人单位名称</translation>
    </message>
    <message>
        <source>credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
</context>
<context>
    <name>SeedDialog</name>
    <message>
        <source>Fix the seed</source>
        <translation>确定随机种子</translation>
    </message>
    <message>
        <source>Enter a value published before the draw (for example a lottery result or a number read out at the public draw) and say where it was published. It is recorded before the pools are read and cannot be changed.</source>
        <translation>请输入抽取前已公开的数值（如福利彩票开奖号码，或公开摇号现场宣读的数字），并说明公布的地方。种子在读取名录库之前记入审计日志，之后不能更改。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Published where</source>
        <translation>公布于</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Log out / switch user…</source>
        <translation>注销 / 切换用户…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Log out and close every window of this session? Another user can then log in.</source>
        <translation>注销并关闭本次登录打开的所有窗口？之后可由其他用户登录。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Bureau and amounts</source>
        <translation>机关名称与标准</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Deadline rules</source>
        <translation>期限规则</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新的界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Use the shipped font</source>
        <translation>使用自带字体</translation>
    </message>
    <message>
        <source>Report font (this computer)</source>
        <translation>报表字体（本机）</translation>
    </message>
    <message>
        <source>About casemgr…</source>
        <translation>关于本程序…</translation>
    </message>
    <message>
        <source>WenQuanYi Micro Hei (shipped with the program)</source>
        <translation>文泉驿微米黑（程序自带）</translation>
    </message>
    <message>
        <source>Font for the reports</source>
        <translation>报表字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Hearing rooms and arbitrators</source>
        <translation>庭室与仲裁员</translation>
    </message>
</context>
<context>
    <name>SetupAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account to start.</source>
        <translation>该数据库还没有用户。请先创建系统管理员账号。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Received</source>
        <translation>已收案</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>待补正</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Mediating</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>Agreement reached</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已和解</translation>
    </message>
    <message>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired without agreement</source>
        <translation>期满未达成协议</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Arbitration review requested</source>
        <translation>已申请仲裁审查</translation>
    </message>
    <message>
        <source>Review: confirmed</source>
        <translation>审查确认</translation>
    </message>
    <message>
        <source>Review: not confirmed</source>
        <translation>审查不予确认</translation>
    </message>
    <message>
        <source>Tribunal formed</source>
        <translation>已组庭</translation>
    </message>
    <message>
        <source>Hearing scheduled</source>
        <translation>已排期开庭</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Award made</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <source>Deemed withdrawn</source>
        <translation>按撤回处理</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止审理</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>立案调查中</translation>
    </message>
    <message>
        <source>Waiting (time not counted)</source>
        <translation>公告/审计/鉴定中（不计时）</translation>
    </message>
    <message>
        <source>Payment ordered</source>
        <translation>已责令支付</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>Handling decision made</source>
        <translation>已作出处理决定</translation>
    </message>
    <message>
        <source>Penalty imposed</source>
        <translation>已行政处罚</translation>
    </message>
    <message>
        <source>Filing cancelled</source>
        <translation>已撤销立案</translation>
    </message>
    <message>
        <source>Transferred to the police</source>
        <translation>已移送公安</translation>
    </message>
    <message>
        <source>Referred to dispute procedure</source>
        <translation>告知通过争议程序解决</translation>
    </message>
    <message>
        <source>Review application not accepted</source>
        <translation>审查申请不予受理</translation>
    </message>
    <message>
        <source>Review application withdrawn</source>
        <translation>审查申请已撤回</translation>
    </message>
    <message>
        <source>Mediating before filing (acceptance deferred)</source>
        <translation>立案前调解（暂缓受理）</translation>
    </message>
    <message>
        <source>Settled before filing</source>
        <translation>立案前调解成功</translation>
    </message>
    <message>
        <source>Entrusted mediation</source>
        <translation>委托调解中</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Done: %1. Refused: %2.</source>
        <translation>成功 %1 件，被拒绝 %2 件。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Case %1, now: %2</source>
        <translation>案件 %1，当前状态：%2</translation>
    </message>
    <message>
        <source>Date of this step</source>
        <translation>办理日期</translation>
    </message>
    <message>
        <source>Reload the case</source>
        <translation>重新加载案件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation>多个姓名用逗号分隔</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Enter a non-negative amount with at most 2 decimals.</source>
        <translation>请输入不小于零、最多两位小数的金额。</translation>
    </message>
</context>
<context>
    <name>TribunalEditor</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>part-time</source>
        <translation>兼职</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The window was locked after a period without use. Enter your password to continue.</source>
        <translation>长时间未操作，窗口已锁定。请输入密码继续。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <source>Change district…</source>
        <translation>更改区县…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>User %1 created; they change the password at the first log-in.</source>
        <translation>已创建用户 %1，首次登录时须修改密码。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Role of %1 changed.</source>
        <translation>已修改 %1 的角色。</translation>
    </message>
    <message>
        <source>(whole city)</source>
        <translation>（全市）</translation>
    </message>
    <message>
        <source>Change district</source>
        <translation>更改区县</translation>
    </message>
    <message>
        <source>District of %1 changed.</source>
        <translation>已更改 %1 的区县。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Password of %1 reset; they change it at the next log-in.</source>
        <translation>已重置 %1 的密码，下次登录时须修改。</translation>
    </message>
    <message>
        <source>%1 reactivated.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>%1 deactivated.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <source>%1 unlocked.</source>
        <translation>已解除 %1 的锁定。</translation>
    </message>
</context>
<context>
    <name>ValuesTab</name>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>In force today</source>
        <translation>当前生效值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Bureau name (reports and notices)</source>
        <translation>机关名称（用于报表和文书）</translation>
    </message>
    <message>
        <source>Arbitration commission name</source>
        <translation>仲裁委员会名称</translation>
    </message>
    <message>
        <source>Monthly minimum wage (yuan)</source>
        <translation>月最低工资标准（元）</translation>
    </message>
    <message>
        <source>Supervised case: amount from (yuan)</source>
        <translation>挂牌督办：金额起点（元）</translation>
    </message>
    <message>
        <source>Refusal to pay wages: amount for one worker (yuan)</source>
        <translation>拒不支付劳动报酬罪：个人数额（元）</translation>
    </message>
    <message>
        <source>Refusal to pay wages: amount in all (yuan)</source>
        <translation>拒不支付劳动报酬罪：总数额（元）</translation>
    </message>
    <message>
        <source>Collective case: workers from</source>
        <translation>集体案件：人数起点</translation>
    </message>
    <message>
        <source>Supervised case: workers from</source>
        <translation>挂牌督办：人数起点</translation>
    </message>
    <message>
        <source>Lock the window after idle minutes</source>
        <translation>无操作锁定时间（分钟）</translation>
    </message>
    <message>
        <source>Minimum wage confirmed</source>
        <translation>最低工资标准已确认</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>一直</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>e.g. 粤府函〔2025〕23号</source>
        <translation>例如 粤府函〔2025〕23号</translation>
    </message>
    <message>
        <source>Notice (name and number)</source>
        <translation>发布通知（名称、文号）</translation>
    </message>
    <message>
        <source>Who approves arbitration extensions (role:supervisor or user:account, comma-separated)</source>
        <translation>仲裁延期审批人（role:角色 或 user:账号，逗号分隔；法定为仲裁委员会主任或其委托的仲裁院负责人）</translation>
    </message>
    <message>
        <source>Who approves inspection extensions (role:supervisor or user:account, comma-separated)</source>
        <translation>监察延期审批人（role:角色 或 user:账号，逗号分隔；法定为劳动保障行政部门负责人）</translation>
    </message>
    <message>
        <source>Who approves mediation extensions (role:supervisor or user:account, comma-separated)</source>
        <translation>调解延期审批人（role:角色 或 user:账号，逗号分隔）</translation>
    </message>
    <message>
        <source>Notices: where to apply for administrative review</source>
        <translation>文书：行政复议机关</translation>
    </message>
    <message>
        <source>Notices: the court for administrative suits</source>
        <translation>文书：行政诉讼管辖法院</translation>
    </message>
    <message>
        <source>Notices: always use the shipped font (not this PC&apos;s 仿宋/宋体)</source>
        <translation>文书：始终使用程序自带字体（不用本机仿宋/宋体）</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Applicant</source>
        <extracomment>The words that differ per kind. An inspection complaint has a 被投诉单位 and 投诉事项 (若干规定 劳社部令第25号 Art. 18: &quot;被投诉用人单位&quot;, &quot;投诉人&quot;), a report a 被举报单位 (劳动保障监察条例 Art. 9: 举报); mediation has a 申请人, the other party and 调解请求 (企业劳动争议协商调解规定, 人社部令第17号, Art. 21); only arbitration has a 被申请人, 仲裁请求 and 终局裁决.</extracomment>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>对方当事人</translation>
    </message>
    <message>
        <source>Mediation requests</source>
        <translation>调解请求</translation>
    </message>
    <message>
        <source>Add a request</source>
        <translation>增加调解请求</translation>
    </message>
    <message>
        <source>Employer (the other party)</source>
        <translation>用人单位（对方当事人）</translation>
    </message>
    <message>
        <source>Applicants (workers)</source>
        <translation>申请人（劳动者）</translation>
    </message>
    <message>
        <source>Mediation application received on</source>
        <translation>收到调解申请日期</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Arbitration claims</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Add a claim</source>
        <translation>增加仲裁请求</translation>
    </message>
    <message>
        <source>Employer (respondent)</source>
        <translation>用人单位（被申请人）</translation>
    </message>
    <message>
        <source>Arbitration application received on</source>
        <translation>收到仲裁申请日期</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Employer complained about</source>
        <translation>被投诉单位</translation>
    </message>
    <message>
        <source>Matters complained of</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <source>Add a matter</source>
        <translation>增加事项</translation>
    </message>
    <message>
        <source>Complainants (workers)</source>
        <translation>投诉人（劳动者）</translation>
    </message>
    <message>
        <source>Complaint received on</source>
        <translation>接到投诉日期</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>举报人</translation>
    </message>
    <message>
        <source>Employer reported</source>
        <translation>被举报单位</translation>
    </message>
    <message>
        <source>Matters reported</source>
        <translation>举报事项</translation>
    </message>
    <message>
        <source>Reporters</source>
        <translation>举报人</translation>
    </message>
    <message>
        <source>Report received on</source>
        <translation>接到举报日期</translation>
    </message>
    <message>
        <source>Mediation request</source>
        <translation>调解请求</translation>
    </message>
    <message>
        <source>Amount requested</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Amount agreed</source>
        <translation>协议金额</translation>
    </message>
    <message>
        <source>Arbitration claim</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Amount claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Amount awarded</source>
        <translation>裁决金额</translation>
    </message>
    <message>
        <source>Matter complained of</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <source>Amount involved</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Ordered to pay</source>
        <translation>责令支付金额</translation>
    </message>
    <message>
        <source>Matter reported</source>
        <translation>举报事项</translation>
    </message>
</context>
<context>
    <name>WorkerRow</name>
    <message>
        <source>Name</source>
        <extracomment>The red frame of a field in error; the padding keeps the field&apos;s height (a bare border makes Qt drop the style&apos;s frame and shrinks the box by 4 px: the row below would jump).</extracomment>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>On file: %1 (the existing record will be reused)</source>
        <translation>已登记：%1（将沿用已有记录）</translation>
    </message>
    <message>
        <source>Not a valid 18-character resident ID number (check digit or birth date wrong).</source>
        <translation>不是有效的18位居民身份证号码（校验位或出生日期不符）。</translation>
    </message>
    <message>
        <source>Not a valid mobile or landline number.</source>
        <translation>不是有效的手机或固定电话号码。</translation>
    </message>
    <message>
        <source>Enter the worker&apos;s name.</source>
        <translation>请填写劳动者姓名。</translation>
    </message>
</context>
</TS>
