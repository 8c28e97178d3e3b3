// The rules that read notices the readers were not written on (issue 13, item 5). Each rule has
// its real example, with the text it comes from, and a paraphrase of our own: a rule that passes
// only its real example fits a document, not the language.
import { describe, expect, test } from 'vitest';
import { findNumbers } from '../../../src/stages/4-extract/numbers.js';
import { findDates } from '../../../src/stages/4-extract/dates.js';

const numbersIn = (s: string, documentDate: string | null = null) => findNumbers(s, { exclude: findDates(s, { documentDate }).dates.map((d) => d.span) });

type Approx = 'nearly' | 'over' | 'about' | 'under' | null;
// [rule, source ('paraphrase' for ours), sentence, mention text, value, unit, approx]
const QUANTITIES: [string, string, string, string, number, string, Approx][] = [
  ['成 is a tenth, in %', 'wild w048', '天津等7省市中央环保督察整改任务已完成近六成', '近六成', 60, '%', 'nearly'],
  ['成 is a tenth, in %', 'paraphrase', '信访举报量同比下降两成以上', '两成以上', 20, '%', 'over'],
  ['一半 is 50 %', 'dev d76', '实现中央巡视全覆盖,巡视对象覆盖面近一半。', '近一半', 50, '%', 'nearly'],
  ['一半 is 50 %', 'dev d76', '中央纪委立案审查的中管干部中,一半以上是根据巡视移交的问题线索', '一半以上', 50, '%', 'over'],
  ['半数 is 50 %', 'dev d82', '第二轮前三批整改方案明确的1227项整改任务,半数已经完成。', '半数', 50, '%', null],
  ['半数 is 50 %', 'paraphrase', '超过半数的问题已经销号', '超过半数', 50, '%', 'over'],
  ['半 before a time unit is 0.5 of it', 'wild w058', '推动利用半年时间,对中小学“校园餐”开展巡察', '半年', 0.5, '年', null],
  ['半 before a time unit is 0.5 of it', 'paraphrase', '用半个月时间集中整改', '半个月', 0.5, '个月', null],
  ['点 before 意见/要求 counts points', 'dev d63', '出席会议并讲了三点意见:一是提高政治站位', '三点', 3, '点', null],
  ['点 before 意见/要求 counts points', 'dev d81', '就做好本輪專項巡察整改工作提出了三點要求:一要講政治', '三點', 3, '点', null],
  ['点 before 意见/要求 counts points', 'paraphrase', '巡察组提出5点建议', '5点', 5, '点', null],
  ['省 is a measure word', 'dev d21', '江苏、内蒙古、西藏3省(区)9日公开第二轮中央生态环境保护督察整改方案', '3省', 3, '省', null],
  ['省 is a measure word', 'dev d19', '第一輪中央環保督察實現對全國31省份全覆蓋', '31省份', 31, '省', null],
  ['省 is a measure word', 'wild w048', '天津等7省市中央环保督察整改任务已完成近六成', '7省市', 7, '省', null],
  ['省 is a measure word', 'paraphrase', '对山东等四省开展督察', '四省', 4, '省', null],
  ['个工作日 is 工作日', 'dev d59', '(2024年9月29日至2024年10月9日,共10个工作日)向宿州市生态环境局宿马管理中心反映', '10个工作日', 10, '工作日', null],
  ['个工作日 is 工作日', 'paraphrase', '在5个工作日内书面反馈', '5个工作日', 5, '工作日', null],
  ['余/多 before 万/亿', 'dev d76', '中央巡视组累计与干部群众谈话2万多人次,受理各类信访120余万件', '120余万件', 1200000, '件', 'over'],
  ['余/多 before 万/亿', 'dev d78', '有关地方、部门和单位共整改问题金额5380多亿元', '5380多亿元', 538000000000, '元', 'over'],
  ['余/多 before 万/亿', 'paraphrase', '惠及群众三十余万人,挽回损失1000多万元', '三十余万人', 300000, '人', 'over'],
  ['余/多 before 万/亿', 'paraphrase', '惠及群众三十余万人,挽回损失1000多万元', '1000多万元', 10000000, '元', 'over'],
  ['兆 before a currency is 10^12', 'dev d79', '累計整改問題金額達1.04兆元(人民幣,下同)', '1.04兆元', 1.04e12, '元', null],
  ['兆 before a currency is 10^12', 'paraphrase', '涉及财政资金约2兆元', '约2兆元', 2e12, '元', 'about'],
  ['百 is no multiplier before 分点', 'wild w045', '2019年全省优良天数率同比增加0.7个百分点', '0.7个百分点', 0.7, '百分点', null],
  ['百 is no multiplier before 分点', 'paraphrase', '整改完成率提高2百分点', '2百分点', 2, '百分点', null],
  ['元 unsaid after a noun of money', 'dev d85', '环保部:第四批中央环保督查处罚金额超2.8亿', '超2.8亿', 280000000, '元', 'over'],
  ['元 unsaid after a noun of money', 'paraphrase', '涉及资金3000万,已全部追回', '3000万', 30000000, '元', null],
  ['近 before a count of years and 来 is "the last"', 'wild w158', '近三年来,5个镇卫生院能积极按照卫生事业发展要求', '近三年', 3, '年', null],
  ['近 before a count of years and 来 is "the last"', 'paraphrase', '近5年来,全县共查处案件120起', '近5年', 5, '年', null],
  ['市/县/州 count places like 省', 'wild w125', '重庆南川和四川遂宁等6市(区)政府。这些地方', '6市', 6, '市', null],
  ['市/县/州 count places like 省', 'wild w110', '10个督导组将分赴21市州,以明察暗访、随机抽查等方式', '21市州', 21, '市', null],
  ['市/县/州 count places like 省', 'dev d118', '向昆明、曲靖、西双版纳、德宏、丽江等5州(市)和云南锡业集团反馈督察情况', '5州', 5, '州', null],
  ['市/县/州 count places like 省', 'wild w152', '黔东南州审计局完成对岑巩、镇远、麻江、施秉等四县2009年度石漠化治理资金的专项审计', '四县', 4, '县', null],
  ['市/县/州 count places like 省', 'paraphrase', '省委巡视组对三市开展交叉巡视,五县同步整改', '三市', 3, '市', null],
  ['市/县/州 count places like 省', 'paraphrase', '省委巡视组对三市开展交叉巡视,五县同步整改', '五县', 5, '县', null],
  ['N大方面 counts 方面', 'dev d26', '履行全面从严治党职责三大方面的45项问题', '三大方面', 3, '方面', null],
  ['N大方面 counts 方面', 'wild w142', '从线索处置和整改成效四大方面逐一梳理', '四大方面', 4, '方面', null],
  ['N大方面 counts 方面', 'paraphrase', '反馈意见归纳为5大方面', '5大方面', 5, '方面', null],
  ['Chinese numerals with a decimal point', 'issue 23', '全年完成投资二百三十点五亿元', '二百三十点五亿元', 23050000000, '元', null],
  ['Chinese numerals with a decimal point', 'paraphrase', '优良天数比例提高三点五个百分点', '三点五个百分点', 3.5, '百分点', null],
  ['approximate counts keep their word', 'issue 23', '抽调30余名业务骨干组成专班', '30余名', 30, '名', 'over'],
  ['a stray full stop before % is a slip', 'dev d52', '发现问题908个,整改问题862个,问题整改率为94.93.%,立案审查20人', '94.93.%', 94.93, '%', null],
  ['a stray full stop before % is a slip', 'paraphrase', '办结率达98.5.%。', '98.5.%', 98.5, '%', null],
  ['N、N+1 before one measure word is "N or N+1", about', 'dev d38', '不到两个月时间召开专题会议达4、5次之多', '4、5次', 4, '次', 'about'],
  ['N、N+1 before one measure word is "N or N+1", about', 'paraphrase', '每月抽出三、四天下沉一线', '三、四天', 3, '天', 'about'],
  ['a count stays a count', 'paraphrase', '先后召开3次会议研究整改', '3次', 3, '次', null],
  ['a count stays a count', 'paraphrase', '第三批督察结束后,前三批共移交问题200个', '三批', 3, '批', null],
  ['a count stays a count', 'dev d82', '从2019年启动第二轮督察,到今年上半年,我国分六批完成了对全国31个省(区、市)的督察', '六批', 6, '批', null],
];

describe('quantities in new phrasings', () => {
  test.each(QUANTITIES.map(([rule, source, s, text, value, unit, approx]) => ({ name: `${rule}: reads ${text} as ${value} ${unit} [${source}]`, s, text, value, unit, approx })))('$name', ({ s, text, value, unit, approx }) => {
    const m = numbersIn(s).find((n) => n.text === text);
    expect(m, JSON.stringify(numbersIn(s).map((n) => n.text))).toBeDefined();
    expect(m!.value).toBeCloseTo(value, 9);
    expect([m!.unit, m!.approx]).toEqual([unit, approx]);
  });
});

// [rule, source, sentence, a mention text that must not be read]
const NOT_QUANTITIES: [string, string, string, string][] = [
  ['二 alone before a measure word is an ordinal', 'dev d75', '至本月4日,今年二轮中央巡视13个巡视点的问题账单全部“晒”出', '二轮'],
  ['二 alone before a measure word is an ordinal', 'paraphrase', '二批次问题清单已交办', '二批'],
  ['N次全会 is the Nth plenary session', 'dev d62', '习近平总书记在二十届中央纪委四次全会上发表的重要讲话精神', '四次'],
  ['N次全会 is the Nth plenary session', 'wild w133', '中央纪委二次、三次、四次全会均就推进对村巡察作出明确部署', '三次'],
  ['N次全会 is the Nth plenary session', 'paraphrase', '认真贯彻十九届中央纪委六次全会精神', '六次'],
  ['届…N次会议 is the Nth session', 'dev d65', '认真落实省十二届人大三次会议各项决议', '三次'],
  ['届…N次会议 is the Nth session', 'paraphrase', '县十八届人大五次会议审议通过', '五次'],
  ['届…N次常务会议 is the Nth session', 'dev d111', '区政府八届89次常务会议提出要坚定不移做好审计整改“下半篇文章”', '89次'],
  ['届…N次常务会议 is the Nth session', 'paraphrase', '市政府十五届12次常务会议研究部署', '12次'],
  ['a numeral phrase the text quotes is a name everywhere', 'dev d105', '有效推动两个规划的各项指标如期完成。利用“三八”妇女节开展“两个规划”、男女平等基本国策宣传', '两个'],
  ['a numeral phrase the text quotes is a name everywhere', 'paraphrase', '深入落实三个清单制度。全面推行“三个清单”管理', '三个'],
  ['市/县/州 before 委/民/场/级 is no measure word', 'paraphrase', '12345市民热线;统一市场;向2州直部门反馈;五县城区', '12345市'],
  ['市/县/州 before 委/民/场/级 is no measure word', 'paraphrase', '12345市民热线;统一市场;向2州直部门反馈;五县城区', '2州'],
  ['市/县/州 before 委/民/场/级 is no measure word', 'paraphrase', '12345市民热线;统一市场;向2州直部门反馈;五县城区', '五县'],
  ['点 between Chinese numerals is no decimal when a 十 follows', 'paraphrase', '上午九点五十分召开会议', '九点五十'],
  ['一、 at a line\'s start is a heading number, not "one or two"', 'paraphrase', '\n一、两个方面的问题', '一、两个'],
  ['numbers listed with 、 that are not consecutive stay two', 'paraphrase', '分别为3、5个', '3、5个'],
  ['a repeated 第N轮 is the same ordinal', 'dev d75', '全面启动第三轮巡视的可能性不大,但是应会对三轮巡视作出安排', '三轮'],
  ['a repeated 第N轮 is the same ordinal', 'paraphrase', '第五批督察进驻以来,五批督察共受理举报', '五批'],
  ['the later ordinals of 第四、五、六批', 'dev d82', '第四、五、六批督察整改正在积极有序推进。', '六批'],
  ['the later ordinals of 第四、五、六批', 'paraphrase', '第一、二、三轮巡察反馈的问题', '三轮'],
  ['八项规定 is a name', 'corpus 003', '30.问题30:违反中央八项规定精神现象依然存在。', '八项'],
  ['八项规定 is a name', 'paraphrase', '严格落实八项规定及其实施细则', '八项'],
  ['室 after a number is a room', 'wild w102', '(二)通讯地址:潘集区长江路纪委监委办公楼201室 区委第二巡察组收', '201室'],
  ['室 after a number is a room', 'paraphrase', '举报箱设在三楼305室,', '305室'],
  ['成 before 成果 is no tenth', 'wild w103', '6.3成果转化的长效机制', '3成'],
  ['省 before 委/级 is no measure word', 'paraphrase', '对3省级机关开展专项检查', '3省'],
  ['兆 before 瓦 is mega, no multiplier', 'paraphrase', '建成10兆瓦光伏电站', '10兆'],
  ['半 in 上半年 is no half', 'paraphrase', '计划上半年完成', '半年'],
  ['点 of the clock counts nothing', 'corpus-cases', '当晚7点', '7点'],
  ['a bare 万 without money stays unread', 'corpus 001', '短短5天的时间,点击量就已突破20万,7万人参评。', '20万'],
];

describe('no quantity from ordinals and names', () => {
  test.each(NOT_QUANTITIES.map(([rule, source, s, text]) => ({ name: `${rule}: no ${text} in ${s.slice(0, 24)} [${source}]`, s, text })))('$name', ({ s, text }) => {
    expect(numbersIn(s).map((n) => n.text)).not.toContain(text);
  });
});

// [rule, source, text, document date, mention text, start, end, kind]
const DATES: [string, string, string, string | null, string, string | null, string | null, string][] = [
  ['月底 is the last day of the month', 'dev d55', '截至2019年3月底,8省(区)督察整改方案明确的530项整改任务', null, '截至2019年3月底', '2019-03-31', '2019-03-31', 'point'],
  ['月底 is the last day of the month', 'paraphrase', '截至2023年2月底,已完成整改', null, '截至2023年2月底', '2023-02-28', '2023-02-28', 'point'],
  ['年底 is the last day of the year', 'dev d68', '截至2019年底,115个重点镇中', null, '截至2019年底', '2019-12-31', '2019-12-31', 'point'],
  ['年底 is the last day of the year', 'dev d82', '从2015年底中央生态环保督察开始试点', null, '2015年底', '2015-12-31', '2015-12-31', 'point'],
  ['年底 is the last day of the year', 'paraphrase', '2021年末,全县共有', null, '2021年末', '2021-12-31', '2021-12-31', 'point'],
  ['a deadline keeps only its end', 'corpus 003', '计划2025年底前实现汨之源集团公司市场化转型', null, '2025年底前', null, '2025-12-31', 'deadline'],
  ['自 marks a starting point', 'dev d73', '自2016年9月本届州委开展首轮巡察工作以来,全州巡察共发现各类问题8483个', null, '自2016年9月', '2016-09-01', null, 'since'],
  ['自 marks a starting point', 'paraphrase', '自2020年3月,该局先后开展', null, '自2020年3月', '2020-03-01', null, 'since'],
  ['自 ending another word is no starting point', 'paraphrase', '数据来自2019年的统计年报', null, '2019年', '2019-01-01', '2019-12-31', 'point'],
  ['起 and 开始 mark a starting point', 'wild w091', '《中國共產黨紀律處分條例》將于2018年10月1日起施行', null, '2018年10月1日起', '2018-10-01', null, 'since'],
  ['起 and 开始 mark a starting point', 'wild w022', '十三届永德县委在完成巡察全覆盖的基础上,从3月9日开始,全面启动巡察“回头看”工作', '2021-04-19', '3月9日开始', '2021-03-09', null, 'since'],
  ['起 and 开始 mark a starting point', 'issue 13', '督察组20日起对该省开展督察', '2024-08-26', '20日起', '2024-08-20', null, 'since'],
  ['起 and 开始 mark a starting point', 'paraphrase', '自2024年1月1日起至2024年12月31日,开展专项整治', null, '自2024年1月1日起至2024年12月31日', '2024-01-01', '2024-12-31', 'range'],
  ['至今 marks a starting point', 'wild w062', '2018年2月至今,该省纪检监察机关处置的各类问题线索中', null, '2018年2月至今', '2018-02-01', null, 'since'],
  ['至今 marks a starting point', 'paraphrase', '2022年9月至今年6月,共受理举报', '2023-07-10', '2022年9月至今年6月', '2022-09-01', '2023-06-30', 'range'],
  ['起草 is no starting point', 'paraphrase', '2019年起草了整改方案', null, '2019年', '2019-01-01', '2019-12-31', 'point'],
  ['a time of day stays in the span', 'dev d66', '7月7日下午,机械优集学院党委在南校区机械馆报告厅召开巡察整改情况通报会', '2021-07-08', '7月7日下午', '2021-07-07', '2021-07-07', 'point'],
  ['a time of day stays in the span', 'issue 13', '督察组28日下午召开反馈会', '2024-08-30', '28日下午', '2024-08-28', '2024-08-28', 'point'],
  ['昨（22）日 is the 22nd, the day before the page date', 'dev d79', '全國人大常委會第十九次會議昨（22）日下午聽取國務院相關報告', '2025-12-23', '昨（22）日下午', '2025-12-22', '2025-12-22', 'point'],
  ['昨（22）日 is the 22nd, the day before the page date', 'paraphrase', '市委巡察组今(5)日进驻', '2024-03-05', '今(5)日', '2024-03-05', '2024-03-05', 'point'],
  ['昨（22）日 is the 22nd, the day before the page date', 'paraphrase', '昨(31)日召开会议', '2024-04-01', '昨(31)日', '2024-03-31', '2024-03-31', 'point'],
  ['昨天 is the day before the notice date', 'wild w089', '昨天,中央紀委發布了十八屆中央第十輪巡視反饋情況', '2016-08-28', '昨天', '2016-08-27', '2016-08-27', 'point'],
  ['昨天 is the day before the notice date', 'paraphrase', '昨日,全县召开巡察整改推进会', '2024-01-01', '昨日', '2023-12-31', '2023-12-31', 'point'],
  ['当天 is the day named last', 'dev d71', '2022年7月19日,中央巡视组向国务院港澳办党组反馈了巡视意见。\n\n  一、深入学习贯彻\n\n  (一)巡视意见反馈后,党组书记郑重表示坚决高标准做好整改工作,并于当天下午即主持召开党组会议', null, '当天下午', '2022-07-19', '2022-07-19', 'point'],
  ['当天 is the day named last', 'paraphrase', '2023年5月8日,巡察组进驻。当日即召开动员会', null, '当日', '2023-05-08', '2023-05-08', 'point'],
  ['a day alone takes its month from the date before it', 'dev d82', '央广网北京7月7日消息(记者张棉棉)据中央广播电视总台中国之声《新闻和报纸摘要》报道,国新办6日举行新闻发布会', '2022-07-07', '6日', '2022-07-06', '2022-07-06', 'point'],
  ['a day alone takes its month from the date before it', 'paraphrase', '新华社北京3月2日电 生态环境部1日公布', '2023-03-02', '1日', '2023-03-01', '2023-03-01', 'point'],
  ['a day alone takes its month from the notice date', 'paraphrase', '生态环境部28日公布', '2024-09-03', '28日', '2024-08-28', '2024-08-28', 'point'],
  ['days listed with 、 make one mention', 'issue 13', '督察组于21日、22日分别进驻两市', '2024-08-26', '21日、22日', '2024-08-21', '2024-08-22', 'range'],
  ['days listed with 、 make one mention', 'paraphrase', '2023年8月7日、9日,巡察组两次走访', null, '2023年8月7日、9日', '2023-08-07', '2023-08-09', 'range'],
  ['two years without 年 are a range', 'issue 13', '《清廉建设规划(2019-2024)》', null, '2019-2024', '2019-01-01', '2024-12-31', 'range'],
  ['two years without 年 are a range', 'paraphrase', '实施方案(2021—2025)', null, '2021—2025', '2021-01-01', '2025-12-31', 'range'],
  ['上旬/中旬/下旬 are day ranges', 'dev d04', '2022年4月上旬至6月中旬', null, '2022年4月上旬至6月中旬', '2022-04-01', '2022-06-20', 'range'],
  ['上旬/中旬/下旬 are day ranges', 'paraphrase', '2021年10月下旬至11月下旬', null, '2021年10月下旬至11月下旬', '2021-10-21', '2021-11-30', 'range'],
  ['起/开始 before the separator still opens a range', 'dev d133', '在2023年4月27日起至7月14日这个时间段内,天镇县委所派出的四个巡察组', null, '2023年4月27日起至7月14日', '2023-04-27', '2023-07-14', 'range'],
  ['起/开始 before the separator still opens a range', 'dev d88', '2020年10月26日开始至12月25日,四届市委第九轮巡察安排8个巡察组', null, '2020年10月26日开始至12月25日', '2020-10-26', '2020-12-25', 'range'],
  ['起/开始 before the separator still opens a range', 'paraphrase', '2021年6月1日起到8月31日,县委巡察组对该局开展专项巡察', null, '2021年6月1日起到8月31日', '2021-06-01', '2021-08-31', 'range'],
  ['起/开始 before the separator still opens a range', 'paraphrase', '2020年1月起至今,共受理信访举报', null, '2020年1月起', '2020-01-01', null, 'since'],
  ['the first day of a range of days leaves its 日 to the second', 'dev d130', '第四轮巡察派出的6个巡察组于2018年1月4至5日分别向区卫计局、环保局反馈巡察意见', null, '2018年1月4至5日', '2018-01-04', '2018-01-05', 'range'],
  ['the first day of a range of days leaves its 日 to the second', 'paraphrase', '督察组于3月11-15日下沉各县督察', '2024-04-02', '3月11-15日', '2024-03-11', '2024-03-15', 'range'],
  ['the second day of a range lost its 日 before punctuation', 'dev d47', '2022年9月7日至26,吉林省第一生态环境保护督察组进驻我市', null, '2022年9月7日至26', '2022-09-07', '2022-09-26', 'range'],
  ['the second day of a range lost its 日 before punctuation', 'paraphrase', '2023年5月8日至12,巡察组进驻该局', null, '2023年5月8日至12', '2023-05-08', '2023-05-12', 'range'],
  ['a year glued to its month (年 lost)', 'dev d123', '根据县委统一部署,20249月至11月,县委第巡察组对中共衡阳县人民医院委员会进行了巡察。', null, '20249月至11月', '2024-09-01', '2024-11-30', 'range'],
  ['a year glued to its month (年 lost)', 'paraphrase', '202310月,市委巡察组进驻', null, '202310月', '2023-10-01', '2023-10-31', 'point'],
  ['day-first dates on a line of their own or before a time', 'dev d120', '中共湖南省委关于巡视“回头看”整改情况的通报\n\n26.08.2016  22:04\n', null, '26.08.2016', '2016-08-26', '2016-08-26', 'point'],
  ['day-first dates on a line of their own or before a time', 'paraphrase', '发布:\n03.11.2019\n正文', null, '03.11.2019', '2019-11-03', '2019-11-03', 'point'],
  ['a year in Chinese digits, 〇 typed as 0 or ○', 'issue 23', '二0一九年三月,省委巡视组进驻', null, '二0一九年三月', '2019-03-01', '2019-03-31', 'point'],
  ['a year in Chinese digits, 〇 typed as 0 or ○', 'paraphrase', '二○二〇年十二月五日,召开反馈会', null, '二○二〇年十二月五日', '2020-12-05', '2020-12-05', 'point'],
  ['a yearless date takes the notice date\'s year', 'dev d139', '中新网北京6月18日电(记者 阚枫)截至17日,今年中央首轮巡视的26家央企中', '2015-06-18', '截至17日', '2015-06-17', '2015-06-17', 'point'],
  ['a yearless date takes the notice date\'s year', 'dev d139', '中新网北京6月18日电(记者 阚枫)截至17日,今年中央首轮巡视的26家央企中', '2015-06-18', '今年', '2015-01-01', '2015-12-31', 'point'],
  ['a yearless date takes the notice date\'s year', 'paraphrase', '4月23日,区委巡察办召开整改推进会', '2023-05-10', '4月23日', '2023-04-23', '2023-04-23', 'point'],
];

describe('dates in new phrasings', () => {
  test.each(DATES.map(([rule, source, s, documentDate, text, start, end, kind]) => ({ name: `${rule}: reads ${text} as ${start ?? '…'}..${end ?? '…'} ${kind} [${source}]`, s, documentDate, text, start, end, kind })))('$name', ({ s, documentDate, text, start, end, kind }) => {
    const { dates } = findDates(s, { documentDate });
    const d = dates.find((x) => x.text === text);
    expect(d, JSON.stringify(dates.map((x) => x.text))).toBeDefined();
    expect([d!.start, d!.end, d!.kind]).toEqual([start, end, kind]);
  });
  test('当天 with no day named before it is not read (当天受理、当天办结 is a habit) [paraphrase]', () => {
    expect(findDates('群众反映的问题做到当天受理、当天办结', { documentDate: '2024-08-26' }).dates).toEqual([]);
  });
  test.each([
    ['day-first dates inside a sentence are versions, not dates [paraphrase]', '升级到1.2.2023版本后'],
    ['a code with a dash after 号 is no range of days [dev d21]', '苏ICP备12025861号-1'],
  ])('%s', (_, s) => expect(findDates(s, { documentDate: '2024-08-26' }).dates).toEqual([]));
  test.each([
    ['a count after 日至 is no day that lost its 日 [paraphrase]', '2023年5月8日至12 个工作日内', '2023年5月8日'],
    ['a count after 日至 is no day that lost its 日 [paraphrase]', '2023年5月8日至12个单位', '2023年5月8日'],
  ])('%s', (_, s, text) => expect(findDates(s, { documentDate: '2024-08-26' }).dates.map((d) => d.text)).toEqual([text]));
  test('当天 right after the event it dates is not read as the day named last [wild w134]', () => {
    const s = '1月29日,中国航空集团党组向社会公布了整改情况。在巡视组反馈专项巡视意见当天,航天科技就成立了以党组书记雷凡培为组长的领导小组';
    expect(findDates(s, { documentDate: '2015-02-01' }).dates.map((d) => d.text)).toEqual(['1月29日']);
  });
});

// [rule, source, text (no notice date), mention text, start (null: no year can be known)]
const YEARS: [string, string, string, string, string | null][] = [
  ['a date before a full date of its paragraph takes its year when it does not fall before it', 'dev d78',
    '受国务院委托,审计署审计长侯凯12月22日向十四届全国人大常委会第十三次会议作了《国务院关于2023年度中央预算执行和其他财政收支审计查出问题整改情况的报告》。截至2024年9月底,2023年度审计工作报告中要求立行立改的1786个问题',
    '12月22日', '2024-12-22'],
  ['a date before a full date of its paragraph takes its year when it does not fall before it', 'paraphrase',
    '10月15日,县委召开整改推进会。截至2023年9月底,已完成整改30个。', '10月15日', '2023-10-15'],
  ['a date that would fall before the dated event told after it has no known year', 'dev d66',
    '7月7日下午,机械优集学院党委召开巡察整改情况通报会。\n学校党委于2020年11月下旬对机械优集学院开展了巡察工作。', '7月7日下午', null],
  ['a date that would fall before the dated event told after it has no known year', 'paraphrase',
    '3月2日,县委召开巡察整改通报会。\n县委第一巡察组于2022年9月对该局开展了巡察。', '3月2日', null],
  ['the only year, named alone, dates the text', 'dev d30',
    '本报讯 4月29日,省委巡视工作领导小组召开会议。\n\n郭永平说,各巡视组较好地完成了2015年第一轮巡视工作。', '4月29日', '2015-04-29'],
  ['the only year, named alone, dates the text', 'paraphrase',
    '6月3日,县委巡察办召开会议。\n会议总结了2019年第二轮巡察工作。', '6月3日', '2019-06-03'],
  ['the only year named before a date carries to it', 'dev d33',
    '2025年9月1日至12月30日(4个月)。其中:\n9月1日至9月30日,校内相关单位完成自查自评;', '9月1日至9月30日', '2025-09-01'],
  ['a return to the present stops the year of a past event', 'dev d66',
    '学校党委于2020年11月下旬对机械优集学院开展了巡察工作,截止通报时,大部分问题已经整改到位。孙雷表示,今后学院党委将继续扎实推进整改工作,确保在12月底前所有问题整改到位。', '12月底前', null],
  ['a return to the present stops the year of a past event', 'paraphrase',
    '2023年9月5日,巡视组反馈意见。目前,已完成大部分整改,确保11月底前全部完成。', '11月底前', null],
  ['a full date before it in the paragraph gives the year', 'corpus-cases',
    '2016年6月30日至8月30日,中央第三巡视组对湖北省进行了巡视“回头看”。10月10日,中央巡视组向湖北省委反馈了巡视意见。', '10月10日', '2016-10-10'],
];

describe('years left unsaid', () => {
  test.each(YEARS.map(([rule, source, s, text, start]) => ({ name: `${rule}: ${text} → ${start ?? 'unknown'} [${source}]`, s, text, start })))('$name', ({ s, text, start }) => {
    const { dates, messages } = findDates(s, { documentDate: null });
    const d = dates.find((x) => x.text === text);
    expect(d, JSON.stringify(dates.map((x) => x.text))).toBeDefined();
    if (start === null) {
      expect([d!.start, d!.end]).toEqual([null, null]);
      expect(messages.some((m) => m.code === 'extract/year-unknown' && m.span?.[0] === d!.span[0])).toBe(true);
    } else {
      expect(d!.start).toBe(start);
      expect(d!.yearInferred).toBe(true);
    }
  });
});

// Dates whose 年 and 月 were lost, so that their digits read two ways (117: 1月17日 or 11月7日). The
// reading is the one told in order: a range's end after its start, a date after the date told before it
// and not after the notice date. [rule, source, text, notice date, mention text, start (null: unread)]
const REPAIRED: [string, string, string, string | null, string, string | null][] = [
  ['after the period told before it', 'dev d123', '根据县委统一部署,20249月至11月,县委第巡察组对中共衡阳县人民医院委员会进行了巡察。2025117日,县委第一巡察组向中共衡阳县人民医院委员会反馈了巡察意见', null, '2025117日', '2025-01-17'],
  ['after the period told before it', 'paraphrase', '2023年8月至10月,市委巡察组进驻。2024114日,反馈巡察意见', null, '2024114日', '2024-01-14'],
  ['a range\'s end after its start', 'dev d39', '根据市委统一部署,2024927日至126日,市委第一巡察组对秦州区教育局党组开展为期两个多月的巡察整改回头看', '2025-06-24', '2024927日至126日', '2024-09-27'],
  ['not after the notice date, a page date before it left aside', 'dev d39', '来源:天水市秦州区纪委监委 发布时间:2025-06-24\n根据市委统一部署,2024927日至126日,市委第一巡察组开展巡察。2025114日,市委第一巡察组向区教育局党组反馈了巡察意见。', '2025-06-24', '2025114日', '2025-01-14'],
  ['not after the notice date, a page date before it left aside', 'paraphrase', '发布时间:2023-05-30\n2023112日,巡察组反馈意见', '2023-05-30', '2023112日', '2023-01-12'],
  ['nothing told before it: unread', 'paraphrase', '2025117日,县委第一巡察组反馈了巡察意见', null, '2025117日', null],
];

describe('dates whose 年 and 月 were lost', () => {
  test.each(REPAIRED.map(([rule, source, s, documentDate, text, start]) => ({ name: `${rule}: ${text} → ${start ?? 'unread'} [${source}]`, s, documentDate, text, start })))('$name', ({ s, documentDate, text, start }) => {
    const { dates, messages } = findDates(s, { documentDate });
    const d = dates.find((x) => x.text === text);
    expect(d, JSON.stringify(dates.map((x) => x.text))).toBeDefined();
    expect(d!.start).toBe(start);
    expect(messages.some((m) => m.code === 'extract/date-repaired' && m.span?.[0] === d!.span[0])).toBe(true);
  });
  test('2024927日至126日 ends on 2024-12-06, the first reading after its start [dev d39]', () => {
    const d = findDates('2024927日至126日,市委第一巡察组', { documentDate: '2025-06-24' }).dates[0]!;
    expect([d.start, d.end]).toEqual(['2024-09-27', '2024-12-06']);
  });
});
