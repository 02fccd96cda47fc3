"""Phrase lists for the synthetic stdidx corpus (bench/synth.py).

Pure data. Lists are written as whitespace-separated strings to keep them
compact; `words()` splits them. Parallel Chinese/English lists use
"中文=english" pairs so titles can be rendered in both languages.
Everything is a list or tuple, never a set: iteration order must not depend on
PYTHONHASHSEED, or the corpus would differ between runs with the same seed.
"""
from __future__ import annotations


def words(text: str) -> list[str]:
    return text.split()


def pairs(text: str) -> list[tuple[str, str]]:
    """'镧=lanthanum 铈=cerium' → [('镧', 'lanthanum'), ...]; '_' stands for a space in English."""
    out = []
    for item in text.split():
        zh, en = item.split("=")
        out.append((zh, en.replace("_", " ")))
    return out


# --- elements, products, materials -------------------------------------------

ELEMENTS = pairs("""
镧=lanthanum 铈=cerium 镨=praseodymium 钕=neodymium 钐=samarium 铕=europium
钆=gadolinium 铽=terbium 镝=dysprosium 钬=holmium 铒=erbium 铥=thulium
镱=ytterbium 镥=lutetium 钪=scandium 钇=yttrium
""")
LIGHT = words("镧 铈 镨 钕 钐 铕")
HEAVY = words("钆 铽 镝 钬 铒 铥 镱 镥 钇")

COMPOUND_FORMS = pairs("""
氧化{e}={E}_oxide 金属{e}={E}_metal {e}金属={E}_metal 氯化{e}={E}_chloride 氟化{e}={E}_fluoride
碳酸{e}={E}_carbonate 草酸{e}={E}_oxalate 硝酸{e}={E}_nitrate 高纯氧化{e}=high-purity_{E}_oxide
{e}铁合金={E}-iron_alloy 醋酸{e}={E}_acetate 硫酸{e}={E}_sulfate 乙酸{e}={E}_acetate
""")

PRODUCTS = pairs("""
稀土精矿=rare_earth_concentrate 混合碳酸稀土=mixed_rare_earth_carbonate 氯化稀土=rare_earth_chloride
稀土氧化物=rare_earth_oxides 单一稀土金属=individual_rare_earth_metals 混合稀土金属=mixed_rare_earth_metal
镨钕氧化物=praseodymium-neodymium_oxide 镨钕金属=praseodymium-neodymium_metal 镨钕合金=praseodymium-neodymium_alloy
镝铁合金=dysprosium-iron_alloy 钆铁合金=gadolinium-iron_alloy 钬铁合金=holmium-iron_alloy
镧铈金属=lanthanum-cerium_metal 镧铈合金=lanthanum-cerium_alloy 稀土硅铁合金=rare_earth_ferrosilicon_alloy
稀土镁硅铁合金=rare_earth_magnesium_ferrosilicon_alloy 稀土抛光粉=rare_earth_polishing_powder
稀土荧光粉=rare_earth_phosphors 稀土储氢合金=rare_earth_hydrogen_storage_alloy 钐钴合金=samarium-cobalt_alloy
离子型稀土矿混合稀土氧化物=mixed_rare_earth_oxides_from_ion-adsorption_ore 独居石精矿=monazite_concentrate
氟碳铈矿精矿=bastnaesite_concentrate 稀土富集物=rare_earth_enriched_material 碳酸轻稀土=light_rare_earth_carbonate
氧化钇铕=yttrium_europium_oxide 钇铝石榴石=yttrium_aluminium_garnet 稀土铝合金=rare_earth_aluminium_alloy
稀土镁合金=rare_earth_magnesium_alloy 钕铁硼废料=NdFeB_scrap 稀土永磁废料=rare_earth_magnet_scrap
铈锆固溶体=ceria-zirconia_solid_solution 纳米氧化铈=nano_cerium_oxide 超细氧化钇=ultrafine_yttrium_oxide
""")

MATERIALS = pairs("""
烧结钕铁硼永磁材料=sintered_NdFeB_permanent_magnets 粘结钕铁硼永磁材料=bonded_NdFeB_permanent_magnets
热压钕铁硼永磁材料=hot-pressed_NdFeB_permanent_magnets 快淬钕铁硼磁粉=melt-spun_NdFeB_magnetic_powder
钐钴永磁材料=samarium-cobalt_permanent_magnets 钐铁氮磁粉=samarium-iron-nitrogen_magnetic_powder
稀土超磁致伸缩材料=giant_magnetostrictive_rare_earth_materials 稀土发光材料=rare_earth_luminescent_materials
稀土催化材料=rare_earth_catalytic_materials 稀土储氢材料=rare_earth_hydrogen_storage_materials
稀土激光晶体=rare_earth_laser_crystals 稀土闪烁晶体=rare_earth_scintillation_crystals
稀土热障涂层材料=rare_earth_thermal_barrier_coatings 稀土磁制冷材料=rare_earth_magnetocaloric_materials
晶界扩散钕铁硼磁体=grain-boundary-diffused_NdFeB_magnets 稀土陶瓷材料=rare_earth_ceramics
稀土抛光材料=rare_earth_polishing_materials 稀土光功能材料=rare_earth_optical_materials
""")

PROCESSES = words("""
冶炼分离 萃取分离 溶剂萃取 离子交换 熔盐电解 氧化焙烧 硫酸焙烧 酸溶浸出 碱法分解 草酸沉淀
碳酸氢铵沉淀 灼烧 还原蒸馏 真空蒸馏 区域熔炼 晶界扩散 氢破碎 气流磨制粉 磁场取向成型 等静压
真空烧结 回火时效 表面电镀 原地浸矿 堆浸 池浸 串级萃取 模糊联动萃取 皂化 反萃 金属热还原
氟化物熔盐电解 氧化物熔盐电解 速凝铸片 废料回收 二次资源综合利用 尾矿治理 废水处理 放射性废渣处置
""")

# Chemical analysis methods (titles of method standards use only these).
METHODS = pairs("""
电感耦合等离子体原子发射光谱法=inductively_coupled_plasma_atomic_emission_spectrometry
电感耦合等离子体质谱法=inductively_coupled_plasma_mass_spectrometry
X射线荧光光谱法=X-ray_fluorescence_spectrometry 重量法=gravimetric_method
EDTA滴定法=EDTA_titration 偶氮胂Ⅲ分光光度法=arsenazo_III_spectrophotometry
火焰原子吸收光谱法=flame_atomic_absorption_spectrometry 高频燃烧红外吸收法=high-frequency_combustion_infrared_absorption
惰性气体熔融红外吸收法=inert_gas_fusion_infrared_absorption 惰性气体熔融热导法=inert_gas_fusion_thermal_conductivity
辉光放电质谱法=glow_discharge_mass_spectrometry 钼蓝分光光度法=molybdenum_blue_spectrophotometry
离子选择电极法=ion-selective_electrode_method 草酸盐重量法=oxalate_gravimetric_method
硫氰酸汞分光光度法=mercuric_thiocyanate_spectrophotometry
""")
PHYSICAL_METHODS = pairs("""
激光粒度分析法=laser_diffraction_particle_size_analysis BET氮吸附法=BET_nitrogen_adsorption
磁滞回线测量法=hysteresis_loop_measurement 脉冲磁场法=pulsed_field_method
""")

IMPURITIES = pairs("""
铁=iron 硅=silicon 钙=calcium 镁=magnesium 铝=aluminium 镍=nickel 铜=copper 锌=zinc 铅=lead
钛=titanium 钼=molybdenum 钨=tungsten 钴=cobalt 锰=manganese 铬=chromium 钠=sodium 钾=potassium
碳=carbon 硫=sulfur 氧=oxygen 氮=nitrogen 氯=chlorine 氟=fluorine 磷=phosphorus 钍=thorium 铀=uranium
硼=boron 钽=tantalum 铌=niobium 锆=zirconium
""")

PROPERTIES = words("""
剩磁 内禀矫顽力 磁感矫顽力 最大磁能积 方形度 密度 粒度 比表面积 松装密度 振实密度 稀土总量
相对纯度 灼减 水分 中位径 抗弯强度 维氏硬度 剩磁温度系数 内禀矫顽力温度系数 不可逆磁通损失
最高使用温度 电阻率 居里温度 氧含量 碳含量 发光亮度 色坐标 放电容量 循环寿命 抛光速率
""")

APPLICATIONS = pairs("""
新能源汽车驱动电机=electric_vehicle_traction_motors 风力发电机=wind_turbine_generators
节能变频空调=energy-efficient_air_conditioners 工业机器人=industrial_robots 消费电子=consumer_electronics
轨道交通牵引电机=rail_traction_motors 航空航天=aerospace 核磁共振成像=magnetic_resonance_imaging
石油催化裂化=fluid_catalytic_cracking 机动车尾气净化=vehicle_exhaust_catalysts 光纤通信=optical_fibre_communications
精密光学抛光=precision_optical_polishing 半导体照明=LED_lighting 永磁同步电机=permanent-magnet_synchronous_motors
伺服电机=servo_motors 无人机=drones 智能手机=smartphones 储能电池=energy_storage_batteries
医疗器械=medical_devices 国防军工=defence_applications
""")

UNITS = words("% mg/kg μg/g g/cm³ kA/m kJ/m³ mT ℃ μm nm mL g t kg MPa HV")

# --- organisations, places, people ------------------------------------------

GOV_BODIES = pairs("""
国务院=State_Council 工业和信息化部=Ministry_of_Industry_and_Information_Technology
自然资源部=Ministry_of_Natural_Resources 商务部=Ministry_of_Commerce
海关总署=General_Administration_of_Customs 国家发展和改革委员会=National_Development_and_Reform_Commission
生态环境部=Ministry_of_Ecology_and_Environment 财政部=Ministry_of_Finance 国家税务总局=State_Taxation_Administration
国家市场监督管理总局=State_Administration_for_Market_Regulation 国家标准化管理委员会=Standardization_Administration_of_China
公安部=Ministry_of_Public_Security 应急管理部=Ministry_of_Emergency_Management 科学技术部=Ministry_of_Science_and_Technology
国家粮食和物资储备局=National_Food_and_Strategic_Reserves_Administration
""")
GOV_SHORT = words("工信部 自然资源部 商务部 海关总署 国家发展改革委 生态环境部 财政部 税务总局 市场监管总局 国家标准委")
DEPARTMENTS = words("原材料工业司 科技司 节能与综合利用司 规划司 政策法规司 产业政策与法规司 安全生产司 标准化管理司 产业安全与进出口管制局 矿业权管理司 矿产资源保护监督司")

SOCIETIES = (
    ("中国稀土学会", "csre", "T/CSRE"),
    ("中国稀土行业协会", "acrei", "T/ACREI"),
    ("全国稀土标准化技术委员会", "tc229", None),
    ("中国有色金属工业协会", "cnia", None),
    ("国家标准化管理委员会", "sac", None),
    ("工业和信息化部", "miit", None),
)

INSTITUTES = words("""
包头稀土研究院 有研稀土新材料股份有限公司 中国北方稀土（集团）高科技股份有限公司 中国稀土集团有限公司
北京有色金属研究总院 赣州有色冶金研究所有限公司 广东省科学院资源利用与稀土开发研究所 中国科学院长春应用化学研究所
中国科学院宁波材料技术与工程研究所 中国科学院赣江创新研究院 江西理工大学 北京科技大学 北京工业大学 东北大学 内蒙古科技大学
钢铁研究总院 国合通用测试评价认证股份公司 国标（北京）检验认证有限公司 包头天和磁材科技股份有限公司
厦门钨业股份有限公司 广东省稀土产业集团有限公司 中国五矿集团有限公司 中国铝业集团有限公司 四川江铜稀土有限责任公司
湖南稀土金属材料研究院有限责任公司 江西金力永磁科技股份有限公司 宁波韵升股份有限公司 北京中科三环高技术股份有限公司
烟台正海磁性材料股份有限公司 安徽大地熊新材料股份有限公司 有色金属技术经济研究院有限责任公司 冶金工业信息标准研究院
中国有色金属工业标准计量质量研究所 虔东稀土集团股份有限公司 甘肃稀土新材料股份有限公司 乐山盛和稀土有限公司
""")

PROVINCES = words("北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆")
RE_PROVINCES = words("内蒙古 江西 四川 山东 福建 湖南 广东 广西 云南")
CITIES = words("""
包头 赣州 龙南 定南 寻乌 信丰 安远 全南 凉山 冕宁 乐山 微山 长汀 龙岩 三明 梅州 河源 平远 五华 崇左 贺州 韶关
呼和浩特 鄂尔多斯 巴彦淖尔 宁波 太原 南昌 上饶 吉安 抚州 宜春 福州 厦门 长沙 郴州 永州 南宁 昆明 保山 成都 绵阳 西宁
兰州 白银 天水 沈阳 鞍山 大连 烟台 淄博 济南 青岛 苏州 无锡 常州 杭州 合肥 芜湖 武汉 宜昌 广州 深圳 佛山 惠州 天津 石家庄
""")
COMPANY_TRADES = words("""
稀土新材料 磁业 磁材科技 稀土功能材料 新材料科技 有色金属 冶金材料 稀土冶炼 稀土金属材料 稀有金属 磁电科技
精密磁材 稀土资源 矿业 资源综合利用 检测技术 环保科技 电机科技 粉末冶金 稀土应用技术
""")
COMPANY_SUFFIXES = words("有限公司 股份有限公司 有限责任公司 集团有限公司 科技有限公司")
SURNAMES = words("""
王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余
杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史
""")

# --- standards ----------------------------------------------------------------

METHOD_BASES = pairs("""
稀土金属及其氧化物中非稀土杂质=non-rare_earth_impurities_in_rare_earth_metals_and_their_oxides
稀土金属及其氧化物中稀土杂质=rare_earth_impurities_in_rare_earth_metals_and_their_oxides
镨钕合金=praseodymium-neodymium_alloy 钐钴永磁合金=samarium-cobalt_magnet_alloy 稀土精矿=rare_earth_concentrates
混合碳酸稀土=mixed_rare_earth_carbonate 稀土硅铁合金及镁硅铁合金=rare_earth_ferrosilicon_and_magnesium_ferrosilicon_alloys
钕铁硼合金=NdFeB_alloy 稀土抛光粉=rare_earth_polishing_powder 离子型稀土原矿=ion-adsorption_rare_earth_ore
氯化稀土与碳酸轻稀土=rare_earth_chloride_and_light_rare_earth_carbonate 稀土储氢合金=rare_earth_hydrogen_storage_alloys
""")
STD_TOPICS = pairs("""
技术条件=specification 绿色工厂评价要求=green_factory_evaluation_requirements
单位产品能源消耗限额=energy_consumption_quota_per_unit_product 产品碳足迹核算方法=product_carbon_footprint_accounting
术语=terminology 取样与制样方法=sampling_and_sample_preparation 包装、标志、运输和贮存=packaging,_marking,_transport_and_storage
回收利用技术规范=recycling_technical_specification 生产过程质量控制规范=production_quality_control_specification
""")
STD_NORMATIVE_REFS = (
    ("GB/T 1.1—2020", "标准化工作导则　第1部分：标准化文件的结构和起草规则"),
    ("GB/T 6682", "分析实验室用水规格和试验方法"),
    ("GB/T 8170", "数值修约规则与极限数值的表示和判定"),
    ("GB/T 12806", "实验室玻璃仪器　单标线容量瓶"),
    ("GB/T 12808", "实验室玻璃仪器　单标线吸量管"),
    ("GB/T 17433", "冶金产品化学分析基础术语"),
    ("GB/T 14264", "半导体材料术语"),
    ("GB/T 15676", "稀土术语"),
    ("GB/T 9531", "永磁材料磁性能测量方法"),
    ("GB/T 3217", "永磁（硬磁）材料　磁性试验方法"),
    ("GB/T 1.1", "标准化工作导则　第1部分：标准化文件的结构和起草规则"),
)
REAGENTS = words("""
盐酸 硝酸 硫酸 高氯酸 氢氟酸 过氧化氢 氨水 草酸 乙二胺四乙酸二钠 六次甲基四胺 抗坏血酸 二甲酚橙
偶氮胂Ⅲ 酒石酸 氯化铵 硝酸铵 碳酸钠 氢氧化钠 无水乙醇 高纯氩气
""")
VESSELS = words("烧杯 锥形瓶 聚四氟乙烯烧杯 石英坩埚 铂坩埚 瓷坩埚 容量瓶 比色皿")
INSTRUMENTS = words("电感耦合等离子体原子发射光谱仪 电感耦合等离子体质谱仪 X射线荧光光谱仪 分析天平 马弗炉 碳硫分析仪 氧氮分析仪 紫外可见分光光度计 激光粒度仪 磁滞回线仪 脉冲磁场磁强计")
PACKAGING = words("塑料袋内衬铁桶 双层塑料袋外套编织袋 真空包装铁桶 纸箱 木箱 吨袋")
TERMS = words("""
批 试样 稀土总量 相对纯度 重复性限 再现性限 主含量 杂质元素 磁性能 晶界扩散 二次资源 回收率 收率 直收率 标准物质
基体匹配 检出限 测定下限 空白试验 平行测定 牌号 批次 质量证明书
""")
CHANGE_NOTES = words("""
修改了范围 增加了术语和定义 修改了化学成分要求 增加了牌号 删除了部分牌号 修改了试验方法 增加了方形度指标
修改了检验规则 修改了包装要求 增加了资料性附录 修改了精密度数据 修改了测定范围 增加了质量证明书内容
""")

# --- policy ---------------------------------------------------------------------

POLICY_TOPICS = words("""
稀土开采和冶炼分离总量调控 稀土产品追溯 稀土行业规范 稀土资源保护 稀土储备 稀土专用发票 稀土出口管制
稀土违法违规行为专项整治 稀土矿山生态修复 稀土行业安全生产 稀土产业高质量发展 稀土资源税 稀土二次资源综合利用
中重稀土物项出口管制 两用物项出口许可 稀土产品价格监测 稀土行业运行监测 稀土产业链供应链安全
""")
POLICY_KINDS = words("条例 管理办法 暂行办法 实施细则 若干规定 实施意见 工作方案 行动计划 管理规定 实施办法")
POLICY_SCOPES = words("内蒙古自治区 江西省 赣州市 包头市 四川省 福建省 广东省 湖南省 广西壮族自治区 云南省 山东省")
CHAPTERS = words("""
总则 规划与布局 开采管理 冶炼分离管理 总量调控 流通与追溯 进出口管理 储备管理 科技创新 综合利用 生态环境保护
安全生产 监督检查 法律责任 附则
""")
POLICY_ACTORS = words("""
稀土开采企业 稀土冶炼分离企业 稀土金属冶炼企业 稀土综合利用企业 稀土生产企业 出口经营者 进口经营者 有关行业协会
县级以上地方人民政府 省级工业和信息化主管部门 地方自然资源主管部门 海关 市场监管部门 税务部门 有关部门 各地区各部门
""")
POLICY_VERBS = words("""
加强 完善 推进 落实 规范 严格 健全 强化 优化 提升 促进 引导 鼓励 支持 统筹 协调 保障 推动 深化 巩固 扩大 组织实施 加快
""")
POLICY_OBJECTS = words("""
管理制度 监管体系 标准体系 产品质量 技术水平 创新能力 资源保护 综合利用水平 产业集中度 生产秩序 市场秩序 信息化建设
追溯体系 储备体系 应急预案 安全风险防控 生态修复 污染防治 环境监测 节能降耗 清洁生产 绿色发展 数字化转型 人才培养
国际合作 知识产权保护 统计监测 信用评价 执法检查 行业自律 政策宣传 督促指导 产能布局 项目审批 事中事后监管
""")
POLICY_GOALS = words("""
资源安全 产业安全 高质量发展 可持续发展 产业链供应链稳定 生态安全 公平竞争的市场环境 稀土资源合理开发利用
行业健康有序发展 国家安全和利益 防扩散等国际义务 战略资源保障能力
""")
VIOLATIONS = words("""
未取得采矿许可证擅自开采稀土资源 超出总量调控指标组织生产 收购、加工、销售非法开采的稀土产品 未按规定建立稀土产品流向记录制度
未如实记录稀土产品流向信息 伪造、变造、买卖出口许可证件 以欺骗手段取得出口许可 未经许可擅自出口管制物项
拒绝、阻碍监督检查 隐瞒、谎报有关情况和资料 违反规定向境外转让稀土开采和冶炼分离技术
""")
EXPORT_ITEMS = words("""
钐、钆、铽、镝、镥、钪、钇相关物项 稀土开采和冶炼分离技术 稀土金属冶炼技术 稀土磁性材料制造技术 稀土永磁体
含镝、铽的钕铁硼磁体 稀土靶材 稀土化合物 稀土合金 氧化物形态的中重稀土 稀土回收利用技术
""")
# Document number forms with the bodies that issue under them.
DOC_NO_FORMS = (
    ("工信部原〔{y}〕{n}号", ("工业和信息化部",)),
    ("工信部联原〔{y}〕{n}号", ("工业和信息化部", "自然资源部")),
    ("工信部联原〔{y}〕{n}号", ("工业和信息化部", "自然资源部", "生态环境部")),
    ("工信厅原〔{y}〕{n}号", ("工业和信息化部办公厅",)),
    ("商务部 海关总署公告{y}年第{n}号", ("商务部", "海关总署")),
    ("商务部公告{y}年第{n}号", ("商务部",)),
    ("国办发〔{y}〕{n}号", ("国务院办公厅",)),
    ("国发〔{y}〕{n}号", ("国务院",)),
    ("发改产业〔{y}〕{n}号", ("国家发展和改革委员会", "工业和信息化部")),
    ("财税〔{y}〕{n}号", ("财政部", "国家税务总局")),
    ("自然资发〔{y}〕{n}号", ("自然资源部",)),
    ("内政发〔{y}〕{n}号", ("内蒙古自治区人民政府",)),
    ("赣府发〔{y}〕{n}号", ("江西省人民政府",)),
    ("国标委发〔{y}〕{n}号", ("国家标准化管理委员会",)),
)

# --- connectives and fillers ---------------------------------------------------

LEADS = words("""
同时， 此外， 另外， 其中， 对此， 为此， 因此， 总体来看， 从目前情况看， 与此同时， 在此基础上， 进一步看，
具体而言， 一般情况下， 必要时， 原则上， 据统计， 经测算， 近年来， 目前， 下一步，
""")
# Affirmative only: the templates that forbid say 不得 themselves.
MODALS = words("应当 应当 应 须 可以 宜 原则上应")
ADVERBS = words("切实 进一步 全面 持续 严格 依法 及时 稳步 有序 大力 积极 认真 加快 统筹 有效")
FREQUENCIES = words("每季度 每半年 按月 定期 每年 及时 不定期")
DEADLINES = words("每年3月31日前 季度结束后15日内 每年1月底前 每年年底前 每月10日前 规定期限内")
SYSTEMS = words("管理制度 监管体系 追溯体系 储备体系 应急预案 产品流向记录制度 生产经营台账 内部控制制度 信息报送制度 安全生产责任制 质量管理体系")

# --- English news ------------------------------------------------------------------

EN_SUBJECTS = (
    "China's Ministry of Industry and Information Technology", "the Ministry of Commerce",
    "the General Administration of Customs", "China Rare Earth Group", "China Northern Rare Earth",
    "the China Rare Earth Industry Association", "analysts at Benchmark Mineral Intelligence",
    "magnet makers in Ningbo", "traders in Baotou", "European automakers", "Japanese buyers",
    "the State Council", "provincial authorities in Jiangxi", "industry consultants",
    "separation plants in Ganzhou", "the Chinese Society of Rare Earths", "U.S. defence contractors",
)
EN_VERBS = (
    "announced", "issued", "released", "published", "confirmed", "reported", "expects", "warned",
    "tightened", "approved", "raised", "cut", "extended", "introduced", "reviewed",
)
EN_OBJECTS = (
    "the first batch of mining quotas for the year", "new export licence requirements",
    "a draft standard on sintered NdFeB magnets", "revised rules on traceability of rare earth products",
    "output targets for light rare earths", "controls on medium and heavy rare earth items",
    "a list of approved separation enterprises", "a crackdown on illegal mining",
    "guidelines for recycling magnet scrap", "price assessments for praseodymium-neodymium oxide",
    "a consultation on group standards", "inspection results for smelters",
    "measures to stabilise supply chains", "technical specifications for dysprosium metal",
)
EN_NOUNS = (
    "magnet", "magnets", "neodymium", "praseodymium", "dysprosium", "terbium", "yttrium", "samarium",
    "lanthanum", "cerium", "gadolinium", "scandium", "oxide", "metal", "alloy", "quota", "quotas",
    "export", "exports", "licence", "licences", "tonnes", "prices", "supply", "demand", "smelting",
    "separation", "mining", "standard", "standards", "traceability", "recycling", "motors", "turbines",
    "inventory", "shipments", "customs", "data", "permits", "controls", "buyers", "producers",
)
EN_ADJECTIVES = (
    "heavy", "light", "strategic", "critical", "permanent", "sintered", "bonded", "high-purity",
    "domestic", "overseas", "annual", "monthly", "quarterly", "new", "revised", "tighter", "stable",
    "volatile", "higher", "lower", "record", "official", "preliminary", "downstream", "upstream",
)
EN_CONNECTIVES = (
    "Meanwhile,", "However,", "In addition,", "According to the statement,", "Analysts said",
    "Market participants noted that", "Separately,", "By comparison,", "Earlier this year,",
    "At the same time,", "Industry sources said", "In a notice posted online,",
)
EN_PLACES = (
    "Beijing", "Baotou", "Ganzhou", "Shanghai", "Ningbo", "Xiamen", "Chengdu", "Hong Kong",
    "Tokyo", "Brussels", "Washington", "Sydney", "Kuala Lumpur", "Inner Mongolia", "Jiangxi", "Sichuan",
)
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
