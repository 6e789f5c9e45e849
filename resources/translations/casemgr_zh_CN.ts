<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../ui/about.py" line="38"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="39"/>
        <source>Schema revision of the program</source>
        <translation>程序的数据库结构版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="41"/>
        <source>Schema revision of the database</source>
        <translation>当前数据库的结构版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="42"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="44"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="45"/>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="46"/>
        <source>Report font</source>
        <translation>报表字体</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="48"/>
        <source>Built with</source>
        <translation>构建环境</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="50"/>
        <source> (installed build)</source>
        <translation>（安装版）</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="54"/>
        <source>The reports embed WenQuanYi Micro Hei (Apache License 2.0); the licences of the fonts and libraries are in the program&apos;s folder.</source>
        <translation>报表内嵌文泉驿微米黑字体（Apache 2.0 许可）；字体和各组件的许可证在程序目录中。</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="67"/>
        <source>About casemgr</source>
        <translation>关于本程序</translation>
    </message>
</context>
<context>
    <name>App</name>
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
    <message>
        <location filename="../../ui/app.py" line="75"/>
        <source>Logged out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="92"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="94"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="214"/>
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="276"/>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="292"/>
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="293"/>
        <source>Demo data was created. These accounts can log in (shown only once):</source>
        <translation>演示数据已生成。以下账号可以登录（密码只显示这一次）：</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="316"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="326"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>BoardColumns</name>
    <message>
        <location filename="../../ui/models.py" line="395"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="396"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="397"/>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="398"/>
        <source>Due</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="399"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="400"/>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="401"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="402"/>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="483"/>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../ui/bulk.py" line="413"/>
        <source>Reassign cases</source>
        <translation>批量改派</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="416"/>
        <source>Now handled by %1</source>
        <translation>现由 %1 承办</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="434"/>
        <source>Close cases</source>
        <translation>批量结案</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="442"/>
        <source>%1: now %2</source>
        <translation>%1：现为“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="474"/>
        <source>Kept in the case file; the file could not be written: %1</source>
        <translation>已存入案卷，但文件无法写入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="477"/>
        <source>Saved as %1</source>
        <translation>已保存为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="479"/>
        <source>Print notices</source>
        <translation>打印通知书</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../ui/bulk.py" line="133"/>
        <source>%n selected case(s).</source>
        <translation>已选 %n 件案件。</translation>
    </message>
</context>
<context>
    <name>BulkRun</name>
    <message>
        <location filename="../../ui/bulk.py" line="114"/>
        <source>Unexpected error (see the log)</source>
        <translation>程序错误（详见日志）</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="370"/>
        <source>Import a year&apos;s holidays…</source>
        <translation>导入某年节假日…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="374"/>
        <source>CSV or JSON: date, type (holiday or workday), note. Each year replaces its notice.</source>
        <translation>CSV 或 JSON：日期、类型（holiday 放假 / workday 调休上班）、说明。每年的数据整体替换该年的安排。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="381"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="382"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="383"/>
        <source>Holidays on file</source>
        <translation>已录入放假日</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="384"/>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="409"/>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="410"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="411"/>
        <source>Built in, with imported changes</source>
        <translation>内置，另有导入的调整</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="424"/>
        <source>Import a year&apos;s holidays</source>
        <translation>导入某年节假日</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="424"/>
        <source>Calendar files (*.csv *.json)</source>
        <translation>日历文件 (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="442"/>
        <source>Imported %1 days for %2: %3 added, %4 changed, %5 removed.</source>
        <translation>已导入 %2 年共 %1 天：新增 %3，修改 %4，删除 %5。</translation>
    </message>
</context>
<context>
    <name>CaseColumns</name>
    <message>
        <location filename="../../ui/models.py" line="226"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="227"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="228"/>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="229"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="230"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="231"/>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="232"/>
        <source>Due</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="236"/>
        <source>Amount claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="240"/>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="241"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242"/>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
</context>
<context>
    <name>CaseFileWindow</name>
    <message>
        <location filename="../../ui/casefile.py" line="123"/>
        <source>Case file</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="127"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="133"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="172"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="173"/>
        <location filename="../../ui/casefile.py" line="256"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="174"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="175"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="176"/>
        <source>Received / accepted / closed</source>
        <translation>收案 / 受理 / 结案</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="177"/>
        <source>Claimed / recovered (yuan)</source>
        <translation>请求 / 追回（元）</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="178"/>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="179"/>
        <source>Received through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="180"/>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="181"/>
        <source>Linked cases</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="182"/>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="183"/>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="197"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="198"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="199"/>
        <source>ID number / credit code</source>
        <translation>身份证号 / 信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="200"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="201"/>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="209"/>
        <source>Double-click a party to correct its details</source>
        <translation>双击当事人可更正其信息</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="212"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="216"/>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="217"/>
        <source>Claim</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="218"/>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="219"/>
        <source>Claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="220"/>
        <source>Verified</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="221"/>
        <source>Ordered</source>
        <translation>裁决/责令金额</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="222"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="223"/>
        <location filename="../../ui/casefile.py" line="321"/>
        <source>Final award</source>
        <translation>终局裁决</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="230"/>
        <source>Claims</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="232"/>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="238"/>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="239"/>
        <source>Started</source>
        <translation>起算日</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="240"/>
        <source>Due</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="241"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="242"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="243"/>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="244"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="253"/>
        <source>Time limits</source>
        <translation>办案期限</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="256"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="256"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="256"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="256"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="261"/>
        <source>Timeline</source>
        <translation>办案经过</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="264"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="264"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="264"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="264"/>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="268"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="319"/>
        <source>Simple procedure</source>
        <translation>简易处理</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="323"/>
        <source>Last changed by %1 at %2</source>
        <translation>最近由 %1 于 %2 修改</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="348"/>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="353"/>
        <source>became %1</source>
        <translation>已转为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="387"/>
        <location filename="../../ui/casefile.py" line="407"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="407"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="422"/>
        <source>period over</source>
        <translation>期间已届满</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="429"/>
        <source>extended by %1 days</source>
        <translation>已延长 %1 日</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="431"/>
        <source>requested %1</source>
        <translation>%1 已申请</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="434"/>
        <source> since %1</source>
        <translation>（自 %1 起）</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="438"/>
        <source>provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="520"/>
        <source>Actions:</source>
        <translation>可办理：</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="550"/>
        <source>Hand to arbitration</source>
        <translation>转仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="558"/>
        <source>Approve extension</source>
        <translation>审批延期</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="563"/>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="529"/>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="568"/>
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
        <source>Register an arbitration application from mediation case %1? It goes to an arbitration clerk under the bureau's assignment rule, and the two cases are linked.</source>
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
        <location filename="../../ui/casefile.py" line="620"/>
        <source>Show reporter…</source>
        <translation>查看举报人…</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="620"/>
        <source>%1, ID number %2, phone %3</source>
        <translation>%1，身份证号 %2，电话 %3</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="620"/>
        <source>No reporter is recorded on this case.</source>
        <translation>本案没有登记举报人。</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="620"/>
        <source>Reporter (confidential)</source>
        <translation>举报人（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/casefile.py" line="620"/>
        <source>The law requires the reporter's identity to be kept confidential. This view has been recorded.</source>
        <translation>依法应当为举报人保密。本次查看已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/pages.py" line="245"/>
        <source>Search: case number, name, ID number, employer, credit code</source>
        <translation>搜索：案号、姓名、身份证号、用人单位、信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="248"/>
        <source>New case…</source>
        <translation>登记新案件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="249"/>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="253"/>
        <source>Clue from outside…</source>
        <translation>来件线索…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="254"/>
        <source>National clue platform, 12345 hotline or petition</source>
        <translation>全国根治欠薪线索反映平台、12345热线或信访转来的线索</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="258"/>
        <source>Selected cases</source>
        <translation>批量办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="261"/>
        <source>Reassign…</source>
        <translation>改派承办人…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="263"/>
        <source>Close with a reason…</source>
        <translation>结案（须填写理由）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="264"/>
        <source>Print notices…</source>
        <translation>打印通知书…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="267"/>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="268"/>
        <source>Import cases from an Excel or CSV ledger (台账)</source>
        <translation>从 Excel 或 CSV 台账导入案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="272"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="279"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="280"/>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="285"/>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="286"/>
        <source>Received from</source>
        <translation>收案日期从</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="295"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="296"/>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="297"/>
        <source>Assigned to me</source>
        <translation>我承办的</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="298"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="301"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="322"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="337"/>
        <source>Mediation cases</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="338"/>
        <source>Arbitration cases</source>
        <translation>仲裁案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="339"/>
        <source>Inspection complaints</source>
        <translation>监察投诉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages.py" line="364"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="360"/>
        <source>More than %1 cases: narrow the search or the filters</source>
        <translation>超过 %1 件，请缩小搜索或筛选范围</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>The new password needs at least 10 characters; a common password or one containing your user name is refused.</source>
        <translation>新密码至少 10 个字符；常见密码或包含用户名的密码不能使用。</translation>
    </message>
    <message>
        <source>An administrator set your password: choose your own now.</source>
        <translation>您的密码由管理员设置，请现在设置您自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="152"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="156"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="157"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="158"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="162"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>In person</source>
        <translation>窗口受理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>Online</source>
        <translation>网上申请</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>National wage-arrears platform</source>
        <translation>全国根治欠薪线索反映平台</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174"/>
        <source>Petition</source>
        <translation>信访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="175"/>
        <source>Transferred by another office</source>
        <translation>其他部门移送</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="176"/>
        <source>Found by inspection</source>
        <translation>主动发现</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="177"/>
        <source>Ledger import</source>
        <translation>台账导入</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>A party died or lost capacity</source>
        <extracomment>Choice values of transition fields (casemgr.workflow FieldDef.choices).</extracomment>
        <translation>当事人死亡或丧失行为能力</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>The employer was dissolved</source>
        <translation>用人单位终止</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Force majeure</source>
        <translation>不可抗力</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Depends on another case</source>
        <translation>以另案结果为依据</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Awaiting appraisal</source>
        <translation>等待鉴定</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>Facts are clear</source>
        <translation>事实清楚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Small amount</source>
        <translation>标的额较小</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Both parties agree</source>
        <translation>双方同意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Copy of the application</source>
        <translation>仲裁申请书副本</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Copy of the defence</source>
        <translation>答辩书副本</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Notice of the tribunal&apos;s composition</source>
        <translation>仲裁庭组成通知书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Hearing notice</source>
        <translation>开庭通知书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>Award or mediation statement</source>
        <translation>裁决书或调解书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Decision (handling, penalty or cancellation)</source>
        <translation>处理决定/处罚决定/撤销立案告知</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Notice of suspension</source>
        <translation>中止告知书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Arrears reach the crime threshold</source>
        <translation>拖欠数额达到拒不支付劳动报酬罪标准</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Caused a mass or extreme incident</source>
        <translation>引发群体性事件或极端事件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Delivered in person</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Left at the address</source>
        <translation>留置送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Electronic service</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Public notice</source>
        <translation>公告送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Outside the inspection&apos;s powers</source>
        <translation>不属于劳动保障监察职权</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Outside our jurisdiction</source>
        <translation>不属于本机关管辖</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Older than the two-year look-back</source>
        <translation>超过两年追溯期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Already in arbitration or court</source>
        <translation>已申请仲裁或诉讼</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Belongs in the dispute procedure</source>
        <translation>应通过争议处理程序解决</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Repeated complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>Appraisal</source>
        <translation>鉴定</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Waiting for another authority</source>
        <translation>等待其他机关</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Complainant unreachable</source>
        <translation>无法联系投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Facts not established</source>
        <translation>违法事实不成立</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Corrected; no penalty needed</source>
        <translation>已改正，无需处罚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Filed in error</source>
        <translation>立案错误</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Complaint withdrawn</source>
        <translation>投诉人撤回投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
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
        <source>Employer's head ignored the wage-arrears summons</source>
        <translation>欠薪且负责人拒不接受调查（第四十一条）</translation>
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
</context>
<context>
    <name>ClaimRow</name>
    <message>
        <location filename="../../ui/newcase.py" line="199"/>
        <source>Amount in yuan, e.g. 8000.00</source>
        <translation>金额（元），如 8000.00</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="202"/>
        <source>months: –</source>
        <translation>月数：–</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="203"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="204"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="220"/>
        <source>Enter a non-negative amount with at most 2 decimals.</source>
        <translation>请输入不小于零、最多两位小数的金额。</translation>
    </message>
</context>
<context>
    <name>ClaimType</name>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>Wages</source>
        <translation>劳动报酬（工资）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>Overtime pay</source>
        <translation>加班费</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>Severance</source>
        <translation>经济补偿</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>Damages</source>
        <translation>赔偿金</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Work injury benefits (other than medical costs)</source>
        <translation>工伤待遇（医疗费以外）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Work injury medical costs</source>
        <translation>工伤医疗费</translation>
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
        <location filename="../../ui/bulk.py" line="206"/>
        <source>Close cases</source>
        <translation>批量结案</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="211"/>
        <source>%1 (possible for %2)</source>
        <translation>%1（适用 %2 件）</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="212"/>
        <source>Closing step</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="214"/>
        <source>Ground</source>
        <translation>理由类别</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="217"/>
        <source>Required: why these cases are closed</source>
        <translation>必填：结案原因</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="220"/>
        <source>Closure reason</source>
        <translation>结案原因</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="249"/>
        <source>None of the selected cases can be closed by you in its present state.</source>
        <translation>所选案件在当前状态下均不能由您结案。</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="251"/>
        <source>Enter the closure reason.</source>
        <translation>请填写结案原因。</translation>
    </message>
</context>
<context>
    <name>ClueDialog</name>
    <message>
        <location filename="../../ui/clue.py" line="65"/>
        <source>Clue from an outside channel</source>
        <translation>登记外部来件线索</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="68"/>
        <source>Kind of case: %1. The reply deadline goes on the deadline board.</source>
        <translation>案件类型：%1。答复期限将列入期限看板。</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="85"/>
        <source>18 characters, if the channel gives it</source>
        <translation>18位，来件中有则填写</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="87"/>
        <source>empty: anonymous report</source>
        <translation>不填：匿名举报</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="93"/>
        <source>(not known)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="99"/>
        <source>Channel *</source>
        <translation>来件渠道 *</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="100"/>
        <source>Channel&apos;s reference number *</source>
        <translation>来件编号 *</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="101"/>
        <source>Received on *</source>
        <translation>收到日期 *</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="102"/>
        <source>Reply due by *</source>
        <translation>答复期限 *</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="103"/>
        <source>Employer *</source>
        <translation>用人单位 *</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="104"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="105"/>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="106"/>
        <source>Worker&apos;s ID number</source>
        <translation>劳动者身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="107"/>
        <source>Amount owed (yuan)</source>
        <translation>拖欠金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="108"/>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="109"/>
        <source>District</source>
        <translation>所属区县</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="110"/>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="127"/>
        <source>Link to the selected case</source>
        <translation>关联到所选案件</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="129"/>
        <source>Register a new case anyway</source>
        <translation>仍然另立新案</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="140"/>
        <source>Record the clue</source>
        <translation>登记线索</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="152"/>
        <location filename="../../ui/clue.py" line="155"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="159"/>
        <source>Enter a non-negative amount with at most 2 decimals.</source>
        <translation>请输入不小于零、最多两位小数的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="164"/>
        <source>Give the worker&apos;s name with the ID number.</source>
        <translation>填写身份证号时请同时填写劳动者姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/clue.py" line="211"/>
        <source>Choose the case to link the clue to.</source>
        <translation>请选择要关联的案件。</translation>
    </message>
</context>
<context>
    <name>ComplaintType</name>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="182"/>
        <source>Report</source>
        <translation>举报</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/app.py" line="107"/>
        <source>Unexpected error</source>
        <translation>程序错误</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="111"/>
        <source>Something went wrong inside the program. Nothing half-done was saved. Please send the details below to your administrator.</source>
        <translation>程序内部出现错误，未保存任何不完整的数据。请把下面的详细信息发给系统管理员。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages.py" line="94"/>
        <source>Deadline board</source>
        <translation>期限看板</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="97"/>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="98"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="101"/>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="104"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="107"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="163"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="164"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="165"/>
        <source>Due within 3 working days</source>
        <translation>3个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="166"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="167"/>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="168"/>
        <source>Extensions to approve</source>
        <translation>待审批延期</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="169"/>
        <source>Provisional due dates</source>
        <translation>暂定期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="188"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="206"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Orders to pay not met</source>
        <translation>逾期未付清</translation>
    </message>
</context>
<context>
    <name>DeadlineState</name>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>Paused</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>Met</source>
        <translation>按期完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164"/>
        <source>Breached</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>District</name>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <source>Chengqu</source>
        <translation>城区</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="187"/>
        <source>Haifeng County</source>
        <translation>海丰县</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>Lufeng City</source>
        <translation>陆丰市</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>Luhe County</source>
        <translation>陆河县</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="190"/>
        <source>Honghaiwan Development Zone</source>
        <translation>红海湾经济开发区</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="191"/>
        <source>Huaqiao Zone</source>
        <translation>华侨管理区</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="192"/>
        <source>Shanwei Hi-tech Zone</source>
        <translation>汕尾高新区</translation>
    </message>
</context>
<context>
    <name>EmployerColumns</name>
    <message>
        <location filename="../../ui/models.py" line="331"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="332"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="333"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="334"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="335"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="336"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="337"/>
        <source>Watch status</source>
        <translation>监管状态</translation>
    </message>
</context>
<context>
    <name>EmployerDetail</name>
    <message>
        <location filename="../../ui/pages.py" line="420"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="421"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="422"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="423"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="424"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="425"/>
        <source>Claimed / recovered (yuan)</source>
        <translation>请求 / 追回（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="426"/>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="427"/>
        <source>Complaints in the last 90 days</source>
        <translation>近90日投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="458"/>
        <source>(until %1)</source>
        <translation>（至 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="468"/>
        <source>%1 in all, %2 open</source>
        <translation>共 %1 件，未结 %2 件</translation>
    </message>
</context>
<context>
    <name>EmployerPage</name>
    <message>
        <location filename="../../ui/pages.py" line="490"/>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="492"/>
        <source>Search: employer name or credit code</source>
        <translation>搜索：单位名称或统一社会信用代码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages.py" line="514"/>
        <source>%n employer(s)</source>
        <translation>
            <numerusform>共 %n 家</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>Step</source>
        <translation>办理步骤</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>Hearing</source>
        <translation>开庭</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Service of documents</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154"/>
        <source>Flag</source>
        <translation>标记变更</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155"/>
        <source>Assignment</source>
        <translation>分配承办人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>Amounts</source>
        <translation>金额变更</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../../ui/export.py" line="67"/>
        <location filename="../../ui/export.py" line="83"/>
        <location filename="../../ui/export.py" line="124"/>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="69"/>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="82"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="110"/>
        <source>%1 cases written…</source>
        <translation>已写入 %1 件…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="120"/>
        <source>%1 cases exported to %2.</source>
        <translation>已导出 %1 件案件到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="122"/>
        <source>ID numbers are masked.</source>
        <translation>身份证号已做脱敏处理。</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="126"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../ui/transition.py" line="312"/>
        <source>Approve extension</source>
        <translation>审批延期</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="312"/>
        <source>Request extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="314"/>
        <source>%1: due %2</source>
        <translation>%1：%2 到期</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="322"/>
        <source>Days of extension</source>
        <translation>延长天数</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="326"/>
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="342"/>
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
    <name>Flags</name>
    <message>
        <location filename="../../ui/models.py" line="249"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="251"/>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="253"/>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="255"/>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="344"/>
        <source>Key monitoring</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="346"/>
        <source>Blacklisted</source>
        <translation>失信名单</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/importer.py" line="54"/>
        <location filename="../../ui/importer.py" line="97"/>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="58"/>
        <source>An Excel (.xlsx) or CSV ledger with a header row (案号, 收案日期, …). Every row is checked first; rows with problems are listed in a workbook you can correct and import again. Case numbers already on file are skipped.</source>
        <translation>Excel（.xlsx）或 CSV 台账，首行为表头（案号、收案日期……）。导入前逐行检查；有问题的行列入一份错误报告工作簿，改正后可再次导入。已登记的案号自动跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="69"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="73"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="77"/>
        <source>Every kind (from the 案件类型 column)</source>
        <translation>各类案件（按“案件类型”列）</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="78"/>
        <source>Cases of</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="80"/>
        <source>Check only, write nothing</source>
        <translation>仅检查，不写入</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="81"/>
        <source>Import the good rows even if some rows are rejected</source>
        <translation>有问题的行不导入，其余行照常导入</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="89"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="97"/>
        <source>Ledgers (*.xlsx *.csv)</source>
        <translation>台账 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="108"/>
        <source>Choose an existing .xlsx or .csv file.</source>
        <translation>请选择一个已存在的 .xlsx 或 .csv 文件。</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <location filename="../../ui/importer.py" line="164"/>
        <source>Checking the ledger…</source>
        <translation>正在检查台账…</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="164"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="165"/>
        <location filename="../../ui/importer.py" line="255"/>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="194"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="202"/>
        <source>Checking the ledger… %1 rows</source>
        <translation>正在检查台账…已查 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="207"/>
        <source>Writing cases… %1 of %2</source>
        <translation>正在写入案件…%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="219"/>
        <source>%1 rows: %2 could be imported, %3 already on file, %4 rows with problems.</source>
        <translation>共 %1 行：可导入 %2 件，已登记跳过 %3 件，有问题 %4 行。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="221"/>
        <source>%1 rows: %2 created, %3 already on file, %4 rows with problems.</source>
        <translation>共 %1 行：新建 %2 件，已登记跳过 %3 件，有问题 %4 行。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="232"/>
        <source>Nothing was imported: correct the rows listed in the report and import again.</source>
        <translation>未导入任何数据：请按错误报告改正后再次导入。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="236"/>
        <source>Check only: nothing was written.</source>
        <translation>仅检查：未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="238"/>
        <source>Check passed: nothing was written.</source>
        <translation>检查通过：未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="242"/>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行“%2”：%3</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="248"/>
        <source>… %1 problems in all.</source>
        <translation>……共 %1 个问题。</translation>
    </message>
    <message>
        <location filename="../../ui/importer.py" line="258"/>
        <source>Open the report</source>
        <translation>打开错误报告</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../../ui/transition.py" line="74"/>
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
    <name>Kind</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Arbitration</source>
        <translation>仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Inspection complaint</source>
        <translation>监察投诉</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
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
    <message>
        <location filename="../../ui/login.py" line="118"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="119"/>
        <source>Labour dispute and wage arrears case management</source>
        <translation>劳动争议与欠薪案件管理系统</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="124"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="125"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> — DEMO database</source>
        <translation> — 演示数据库</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="44"/>
        <source>Labour dispute and wage arrears cases</source>
        <translation>劳动争议与欠薪案件管理</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="84"/>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="86"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="291"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="118"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="47"/>
        <source> — simulated date %1</source>
        <translation> — 模拟日期 %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="119"/>
        <source>Mediation</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="120"/>
        <source>Arbitration</source>
        <translation>仲裁案件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="121"/>
        <source>Inspection</source>
        <translation>监察投诉</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="122"/>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="123"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="124"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="214"/>
        <source>New case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="214"/>
        <source>Kind of case</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="262"/>
        <source>Selected cases</source>
        <translation>批量办理</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="262"/>
        <source>Select one or more cases first.</source>
        <translation>请先选择一件或多件案件。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="334"/>
        <source>Today is %1.</source>
        <translation>今天是 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="335"/>
        <source>Your cases due today: %1</source>
        <translation>您今日到期的案件：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="336"/>
        <source>Your overdue cases: %1</source>
        <translation>您已超期的案件：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="339"/>
        <source>Extensions to approve: %1</source>
        <translation>待审批的延期：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="340"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/mainwindow.py" line="121"/>
        <source>Hearings</source>
        <translation>开庭排期</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/newcase.py" line="271"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="279"/>
        <source>(from the employer)</source>
        <translation>（同用人单位）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="282"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="287"/>
        <source>Received through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="289"/>
        <source>Platform, 12345 or petition number, if any</source>
        <translation>平台、12345 或信访编号（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="290"/>
        <source>External reference</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="295"/>
        <source>Complaint or report</source>
        <translation>投诉或举报</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="299"/>
        <source>What happened, in a few sentences</source>
        <translation>简要说明案情</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="302"/>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="306"/>
        <source>Handed over from mediation case %1</source>
        <translation>由调解案件 %1 转来</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="308"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="312"/>
        <source>Employer (respondent)</source>
        <translation>用人单位（被申请人）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="315"/>
        <source>Type part of the name to find an employer on file</source>
        <translation>输入部分名称查找已登记的用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="330"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="334"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="337"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="340"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="350"/>
        <source>Add worker</source>
        <translation>增加劳动者</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="354"/>
        <source>Workers involved in all</source>
        <translation>涉及劳动者总数</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="357"/>
        <source>as listed</source>
        <translation>按所列人数</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="364"/>
        <source>Claims</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="370"/>
        <source>Add claim</source>
        <translation>增加请求</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="380"/>
        <source>Flags proposed</source>
        <translation>系统建议的标记</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="384"/>
        <source>Flags are proposed once workers and claims are entered.</source>
        <translation>填写劳动者和请求事项后，系统会建议标记。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="388"/>
        <location filename="../../ui/newcase.py" line="600"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="390"/>
        <source>automatic</source>
        <translation>自动判断</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="391"/>
        <source>yes (by hand)</source>
        <translation>是（手工设定）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="392"/>
        <source>no (by hand)</source>
        <translation>否（手工设定）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="394"/>
        <source>Reason for setting it by hand</source>
        <translation>手工设定的理由</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="414"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="436"/>
        <source>New mediation case</source>
        <translation>登记调解案件</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="437"/>
        <source>New arbitration application</source>
        <translation>登记仲裁申请</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="438"/>
        <source>New inspection complaint</source>
        <translation>登记监察投诉</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="443"/>
        <source>Complaint received on</source>
        <translation>接到投诉日期</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="445"/>
        <source>Application received on</source>
        <translation>收到申请日期</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="450"/>
        <source>Complainants (workers)</source>
        <translation>投诉人（劳动者）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="451"/>
        <source>Applicants (workers)</source>
        <translation>申请人（劳动者）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="537"/>
        <source>Not a valid unified social credit code (check character wrong).</source>
        <translation>不是有效的统一社会信用代码（校验码不符）。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="559"/>
        <source>Total claimed: %1 yuan</source>
        <translation>请求合计：%1 元</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="602"/>
        <source>Green channel: set by hand.</source>
        <translation>绿色通道：手工设定。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="604"/>
        <source>Green channel: a migrant worker claims unpaid wages.</source>
        <translation>绿色通道：农民工追讨工资。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="606"/>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="607"/>
        <source>Collective: %1 workers are involved.</source>
        <translation>集体案件：涉及 %1 名劳动者。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="609"/>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="610"/>
        <source>Supervised: collective wage arrears, or many workers or a large amount.</source>
        <translation>挂牌督办：集体欠薪，或涉及人数、金额较大。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="612"/>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="614"/>
        <source>No special flags.</source>
        <translation>无特殊标记。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="624"/>
        <source>Possible duplicate: the same worker already has an open case against this employer (%1). You can still register this one.</source>
        <translation>可能重复：该劳动者对同一用人单位已有未结案件（%1）。仍可继续登记。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="636"/>
        <source>Enter the employer&apos;s name.</source>
        <translation>请填写用人单位名称。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="703"/>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="741"/>
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
        <source>(the bureau's default)</source>
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
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../ui/settingspage.py" line="119"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="127"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="134"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="135"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="136"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="137"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="138"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/bulk.py" line="260"/>
        <source>Print notices</source>
        <translation>打印通知书</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="266"/>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="271"/>
        <location filename="../../ui/bulk.py" line="278"/>
        <source>Save the PDFs in</source>
        <translation>PDF 保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="273"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="291"/>
        <source>Choose a notice.</source>
        <translation>请选择通知书。</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="293"/>
        <source>Choose a folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>Mediation agreement</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Settlement</source>
        <translation>达成和解</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>Withdrawn after settlement</source>
        <translation>和解后撤回</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>No agreement within 15 days</source>
        <translation>15日内未达成协议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103"/>
        <source>Award</source>
        <translation>裁决</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="104"/>
        <source>Arbitral mediation statement</source>
        <translation>仲裁调解书</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105"/>
        <source>Deemed withdrawn</source>
        <translation>按撤回处理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>Terminated</source>
        <translation>终止审理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Order to rectify</source>
        <translation>责令改正</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>Administrative penalty</source>
        <translation>行政处罚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>Filing cancelled</source>
        <translation>撤销立案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110"/>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>Referred to dispute procedure</source>
        <translation>告知通过争议程序解决</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../ui/party.py" line="48"/>
        <source>Correct the person&apos;s details</source>
        <translation>更正当事人信息</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="48"/>
        <source>Correct the employer</source>
        <translation>更正用人单位信息</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="64"/>
        <source>leave empty to keep the current value</source>
        <translation>留空则保持原值</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="65"/>
        <source>Name *</source>
        <translation>姓名/名称 *</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="67"/>
        <source>New ID number</source>
        <translation>新身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="68"/>
        <source>New phone</source>
        <translation>新电话</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="69"/>
        <source>New address</source>
        <translation>新住址</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="70"/>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="74"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="75"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="76"/>
        <source>(not known)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="78"/>
        <source>District</source>
        <translation>所属区县</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="79"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="80"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="81"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/party.py" line="101"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>PartyRole</name>
    <message>
        <location filename="../../ui/labels.py" line="126"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127"/>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Reporter</source>
        <translation>举报人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>Representative</source>
        <translation>代表人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/bulk.py" line="354"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="364"/>
        <source>%1 of %2 cases</source>
        <translation>已处理 %1 / %2 件</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../ui/bulk.py" line="166"/>
        <source>Reassign cases</source>
        <translation>批量改派</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="170"/>
        <source>New handler</source>
        <translation>新承办人</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="171"/>
        <source>%1 (%2) — %3 open cases</source>
        <translation>%1（%2）— 在办 %3 件</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="177"/>
        <source>Choose a user.</source>
        <translation>请选择用户。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/reportpage.py" line="56"/>
        <source>Monthly report</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="58"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="62"/>
        <location filename="../../ui/reportpage.py" line="136"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="64"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="67"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="68"/>
        <source>Save as PDF, JSON or Excel</source>
        <translation>保存为 PDF、JSON 或 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="71"/>
        <source>Open / print</source>
        <translation>打开 / 打印</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="72"/>
        <source>Open the saved PDF in the PDF viewer, which prints it</source>
        <translation>用 PDF 阅读器打开已保存的文件，在其中打印</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="87"/>
        <source>Your role may not generate reports.</source>
        <translation>您的角色无权生成报表。</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="104"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="124"/>
        <source>Mediation success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="125"/>
        <source>Arbitration closure rate</source>
        <translation>仲裁结案率</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="126"/>
        <source>Inspection closure rate</source>
        <translation>监察结案率</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="127"/>
        <source>Green channel on time</source>
        <translation>绿色通道按期办结率</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="200"/>
        <source>monthly-report-%1.pdf</source>
        <translation>劳动争议案件月报-%1.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="128"/>
        <source>Wages recovered (yuan)</source>
        <translation>追回工资（元）</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="129"/>
        <source>Amount claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="130"/>
        <source>Workers helped</source>
        <translation>维权人数</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="131"/>
        <source>Workers involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="132"/>
        <source>Collective cases</source>
        <translation>集体案件</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="133"/>
        <source>Supervised cases</source>
        <translation>挂牌督办案件</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="134"/>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="138"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="138"/>
        <source>Year to date</source>
        <translation>本年累计</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="138"/>
        <source>By kind</source>
        <translation>分类统计</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="143"/>
        <source>Overdue counted on %1.</source>
        <translation>超期案件按 %1 计算。</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="156"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="157"/>
        <source>Pending at start</source>
        <translation>期初未结</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="158"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="159"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="160"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="161"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="162"/>
        <source>Recovered (yuan)</source>
        <translation>追回金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="178"/>
        <source>This month is closed: the figures are the closing snapshot.</source>
        <translation>本月已结账：数据为结账时的快照。</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="191"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="193"/>
        <source>PDF files (*.pdf);;JSON files (*.json);;Excel workbooks (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;JSON 文件 (*.json);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="220"/>
        <source>Writing %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/reportpage.py" line="226"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/labels.py" line="117"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118"/>
        <source>Supervisor</source>
        <translation>科长/主任</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119"/>
        <source>Arbitration clerk</source>
        <translation>仲裁书记员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>Labour inspector</source>
        <translation>劳动保障监察员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/settingspage.py" line="470"/>
        <source>Working days (otherwise calendar days)</source>
        <translation>按工作日计算（否则按自然日）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="472"/>
        <source>Statutory limit</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="474"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="479"/>
        <source>Length (days)</source>
        <translation>期限（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="480"/>
        <source>Extension (days)</source>
        <translation>可延长（天）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="484"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="485"/>
        <source>Running clocks keep the period they started with.</source>
        <translation>已在计算的期限仍按起算时的规则。</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="527"/>
        <source>Edit rule…</source>
        <translation>修改规则…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="534"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="535"/>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="536"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="537"/>
        <source>Extension</source>
        <translation>延长</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="538"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="539"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="565"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="565"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="568"/>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="568"/>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="601"/>
        <source>Rule saved; new clocks use it.</source>
        <translation>规则已保存，新起算的期限将按此计算。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settingspage.py" line="64"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="74"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="77"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="84"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="87"/>
        <source>Bureau and amounts</source>
        <translation>机关名称与标准</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="89"/>
        <source>Holiday calendar</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="91"/>
        <source>Deadline rules</source>
        <translation>期限规则</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="95"/>
        <source>The new language is used from the next start.</source>
        <translation>新的界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="81"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="83"/>
        <source>Use the shipped font</source>
        <translation>使用自带字体</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="89"/>
        <source>Report font (this computer)</source>
        <translation>报表字体（本机）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="93"/>
        <source>About casemgr…</source>
        <translation>关于本程序…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="114"/>
        <source>WenQuanYi Micro Hei (shipped with the program)</source>
        <translation>文泉驿微米黑（程序自带）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="118"/>
        <source>Font for the reports</source>
        <translation>报表字体</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="118"/>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/settingspage.py" line="117"/>
        <source>Hearing rooms and arbitrators</source>
        <translation>庭室与仲裁员</translation>
    </message>
</context>
<context>
    <name>SetupAdminDialog</name>
    <message>
        <location filename="../../ui/login.py" line="80"/>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="82"/>
        <source>This database has no users yet. Create the administrator account to start.</source>
        <translation>该数据库还没有用户。请先创建系统管理员账号。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="89"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="90"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="91"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="92"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="96"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Received</source>
        <translation>已收案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Awaiting documents</source>
        <translation>待补正</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Mediating</source>
        <translation>调解中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Agreement reached</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Settled</source>
        <translation>已和解</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Expired without agreement</source>
        <translation>期满未达成协议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Arbitration review requested</source>
        <translation>已申请仲裁审查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Review: confirmed</source>
        <translation>审查确认</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Review: not confirmed</source>
        <translation>审查不予确认</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Tribunal formed</source>
        <translation>已组庭</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Hearing scheduled</source>
        <translation>已排期开庭</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Suspended</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Award made</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Deemed withdrawn</source>
        <translation>按撤回处理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Terminated</source>
        <translation>已终止审理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Served</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Investigating</source>
        <translation>立案调查中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Waiting (time not counted)</source>
        <translation>公告/审计/鉴定中（不计时）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Payment ordered</source>
        <translation>已责令支付</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Handling decision made</source>
        <translation>已作出处理决定</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Penalty imposed</source>
        <translation>已行政处罚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Filing cancelled</source>
        <translation>已撤销立案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Transferred to the police</source>
        <translation>已移送公安</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>Referred to dispute procedure</source>
        <translation>告知通过争议程序解决</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../ui/bulk.py" line="316"/>
        <source>Done: %1. Refused: %2.</source>
        <translation>成功 %1 件，被拒绝 %2 件。</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="321"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="321"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="321"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="327"/>
        <source>Done</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="327"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/bulk.py" line="340"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../ui/transition.py" line="121"/>
        <source>Case %1, now: %2</source>
        <translation>案件 %1，当前状态：%2</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="130"/>
        <source>Date of this step</source>
        <translation>办理日期</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="146"/>
        <source>Reload the case</source>
        <translation>重新加载案件</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="161"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="162"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="163"/>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="170"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="193"/>
        <source>Names separated by commas</source>
        <translation>多个姓名用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="234"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../ui/transition.py" line="237"/>
        <source>Enter a non-negative amount with at most 2 decimals.</source>
        <translation>请输入不小于零、最多两位小数的金额。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/idlelock.py" line="41"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/idlelock.py" line="43"/>
        <source>The window was locked after a period without use. Enter your password to continue.</source>
        <translation>长时间未操作，窗口已锁定。请输入密码继续。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="158"/>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="159"/>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="160"/>
        <source>Change district…</source>
        <translation>更改区县…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="161"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="162"/>
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="163"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="177"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="178"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="179"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="180"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="181"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="182"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="183"/>
        <source>Last log-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="210"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="210"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="258"/>
        <source>User %1 created; they change the password at the first log-in.</source>
        <translation>已创建用户 %1，首次登录时须修改密码。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="269"/>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="280"/>
        <source>Role of %1 changed.</source>
        <translation>已修改 %1 的角色。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="291"/>
        <source>(whole city)</source>
        <translation>（全市）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="294"/>
        <source>Change district</source>
        <translation>更改区县</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="305"/>
        <source>District of %1 changed.</source>
        <translation>已更改 %1 的区县。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="313"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="313"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="324"/>
        <source>Password of %1 reset; they change it at the next log-in.</source>
        <translation>已重置 %1 的密码，下次登录时须修改。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="337"/>
        <source>%1 reactivated.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="337"/>
        <source>%1 deactivated.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="350"/>
        <source>%1 unlocked.</source>
        <translation>已解除 %1 的锁定。</translation>
    </message>
</context>
<context>
    <name>ValuesTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="622"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="625"/>
        <source>In force today</source>
        <translation>当前生效值</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="627"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="631"/>
        <location filename="../../ui/settingspage.py" line="639"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="632"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="638"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="639"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="639"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="649"/>
        <source>Bureau name (reports and notices)</source>
        <translation>机关名称（用于报表和文书）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="650"/>
        <source>Arbitration commission name</source>
        <translation>仲裁委员会名称</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="651"/>
        <source>Monthly minimum wage (yuan)</source>
        <translation>月最低工资标准（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="652"/>
        <source>Supervised case: amount from (yuan)</source>
        <translation>挂牌督办：金额起点（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="653"/>
        <source>Refusal to pay wages: amount for one worker (yuan)</source>
        <translation>拒不支付劳动报酬罪：个人数额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="654"/>
        <source>Refusal to pay wages: amount in all (yuan)</source>
        <translation>拒不支付劳动报酬罪：总数额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="655"/>
        <source>Collective case: workers from</source>
        <translation>集体案件：人数起点</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="656"/>
        <source>Supervised case: workers from</source>
        <translation>挂牌督办：人数起点</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="657"/>
        <source>Lock the window after idle minutes</source>
        <translation>无操作锁定时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="658"/>
        <source>Minimum wage confirmed</source>
        <translation>最低工资标准已确认</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="674"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="674"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="685"/>
        <source>Always</source>
        <translation>一直</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="687"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="687"/>
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
</context>
<context>
    <name>WorkerRow</name>
    <message>
        <location filename="../../ui/newcase.py" line="84"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="86"/>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="89"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="90"/>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="91"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="140"/>
        <source>On file: %1 (the existing record will be reused)</source>
        <translation>已登记：%1（将沿用已有记录）</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="151"/>
        <source>Not a valid 18-character resident ID number (check digit or birth date wrong).</source>
        <translation>不是有效的18位居民身份证号码（校验位或出生日期不符）。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="160"/>
        <source>Not a valid mobile or landline number.</source>
        <translation>不是有效的手机或固定电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/newcase.py" line="169"/>
        <source>Enter the worker&apos;s name.</source>
        <translation>请填写劳动者姓名。</translation>
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
    <name>DocketPage</name>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="164"/>
        <source>Hearing schedule</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="168"/>
        <source>Week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="169"/>
        <source>Day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="171"/>
        <source>Previous</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="172"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="173"/>
        <source>Next</source>
        <translation>下一期</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="175"/>
        <source>Print schedule (PDF)…</source>
        <translation>打印开庭排期表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="176"/>
        <source>Record as held</source>
        <translation>记录已开庭</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="178"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="192"/>
        <source>By room</source>
        <translation>按庭室</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="196"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="197"/>
        <source>Room</source>
        <translation>庭室</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="198"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="199"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="200"/>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="201"/>
        <source>Tribunal</source>
        <translation>仲裁庭</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="202"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="211"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="251"/>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="252"/>
        <source>Day passed, not recorded</source>
        <translation>开庭日已过，待记录</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="253"/>
        <source>Held</source>
        <translation>已开庭</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="258"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="259"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="260"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="261"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="262"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="263"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="264"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="268"/>
        <source>presiding</source>
        <translation>首席</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="268"/>
        <source>sole</source>
        <translation>独任</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="276"/>
        <source>%1: %2 hearings</source>
        <translation>%1：共 %2 庭</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="284"/>
        <source>(place not set)</source>
        <translation>（地点未定）</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="303"/>
        <source>not set</source>
        <translation>未定</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="314"/>
        <source>Workers' names are partly hidden for your role.</source>
        <translation>按您的查看权限，劳动者姓名已隐去部分字符。</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="319"/>
        <source>time not set</source>
        <translation>时间未定</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="354"/>
        <source>Recorded as held.</source>
        <translation>已记录为已开庭。</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="366"/>
        <source>hearing-schedule-%1.pdf</source>
        <translation>开庭排期表-%1.pdf</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="368"/>
        <source>Save hearing schedule</source>
        <translation>保存开庭排期表</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="368"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="389"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="392"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>HearingAdminTab</name>
    <message>
        <location filename="../../ui/hearing.py" line="437"/>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="449"/>
        <source>Hearing rooms</source>
        <translation>仲裁庭室</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="450"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="450"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="450"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="456"/>
        <source>New room…</source>
        <translation>新增庭室…</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="456"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="461"/>
        <source>Arbitrator roster</source>
        <translation>仲裁员名册</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="463"/>
        <source>Full-time / part-time</source>
        <translation>专职/兼职</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="463"/>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="471"/>
        <source>New arbitrator…</source>
        <translation>新增仲裁员…</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="513"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="513"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="520"/>
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="520"/>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="557"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="105"/>
        <source>Replaces the hearing booked for %1.</source>
        <translation>将取代原定于 %1 的开庭安排。</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="129"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="133"/>
        <source>(elsewhere: give the place below)</source>
        <translation>（不在庭室：请在下方填写开庭地点）</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="140"/>
        <source>(not chosen)</source>
        <translation>（未选）</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="140"/>
        <source>part-time</source>
        <translation>兼职</translation>
    </message>
</context>
<context>
    <name>RosterEntryDialog</name>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="407"/>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="407"/>
        <source>Hearing room</source>
        <translation>仲裁庭室</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="411"/>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="413"/>
        <source>Full-time arbitrator</source>
        <translation>专职仲裁员</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="416"/>
        <source>(not a user of this program)</source>
        <translation>（不是本系统用户）</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="421"/>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="425"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="426"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>TribunalEditor</name>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="64"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../work/wt/hearing15/ui/hearing.py" line="64"/>
        <source>part-time</source>
        <translation>兼职</translation>
    </message>
</context>
</TS>
