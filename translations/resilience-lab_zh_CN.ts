<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Outcome</name>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>circuit_open</source>
        <translation>熔断拒绝</translation>
    </message>
    <message>
        <source>overloaded</source>
        <translation>过载</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>fallback_failed</source>
        <translation>降级失败</translation>
    </message>
</context>
<context>
    <name>ParameterSchema</name>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Seed of every random draw: the same seed gives the same traffic and the same luck, so two configurations compare fairly.</source>
        <translation>所有随机抽样的种子：种子相同，流量和每次调用的运气就相同，两种配置才能公平比较。</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>How much simulated time one run covers.</source>
        <translation>一次运行覆盖的模拟时间。</translation>
    </message>
    <message>
        <source>Metric bucket</source>
        <translation>指标时间桶</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Width of one time bucket of the charts and the time series: smaller shows faster changes but noisier curves.</source>
        <translation>图表和时间序列中一个时间桶的宽度：越小越能看出快速变化，但曲线噪声越大。</translation>
    </message>
    <message>
        <source>Arrival rate</source>
        <translation>到达速率</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>次/秒</translation>
    </message>
    <message>
        <source>New requests per second (poisson: random arrivals with this mean; constant: evenly spaced).</source>
        <translation>每秒新到达的请求数（poisson：以此为均值随机到达；constant：等间隔到达）。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Clients of a closed loop: each sends a request, waits for its end, thinks, and sends the next.</source>
        <translation>闭环负载的客户端数：每个客户端发出一个请求，等它结束，思考一段时间，再发下一个。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Simulated second from which this phase&apos;s numbers replace the load&apos;s (phases are listed in time order).</source>
        <translation>从这一模拟秒起，本时段的数值取代负载的基准值（时段按时间顺序排列）。</translation>
    </message>
    <message>
        <source>Arrival rate from this phase on (absent: unchanged).</source>
        <translation>从本时段起的到达速率（不填：保持不变）。</translation>
    </message>
    <message>
        <source>Number of closed-loop clients from this phase on (absent: unchanged).</source>
        <translation>从本时段起的闭环客户端数（不填：保持不变）。</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>失败率</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Probability that an attempt fails with an error.</source>
        <translation>一次调用尝试以错误失败的概率。</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Attempts served at the same time; the others wait in the queue.</source>
        <translation>同时处理的调用尝试数；其余的在队列中等待。</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Queue limit</source>
        <translation>队列上限</translation>
    </message>
    <message>
        <source>Places in the FIFO queue beyond the concurrency; an attempt that finds it full fails at once as overloaded.</source>
        <translation>并发数之外 FIFO 队列的位置数；遇到队列已满的调用尝试立即以过载（overloaded）失败。</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>Latency per in-flight call</source>
        <translation>每个在途调用增加的延迟</translation>
    </message>
    <message>
        <source>Extra latency an attempt gets for every other attempt already in service: servers slow down under load.</source>
        <translation>服务中每多一个正在处理的调用尝试，新的尝试就多出的延迟：负载越高，服务越慢。</translation>
    </message>
    <message>
        <source>Simulated second from which this phase&apos;s values replace the service&apos;s (phases are listed in time order).</source>
        <translation>从这一模拟秒起，本时段的数值取代服务的基准值（时段按时间顺序排列）。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Every sample takes exactly this long.</source>
        <translation>每个样本都恰好是这么长。</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Shortest sample; samples are spread evenly up to max.</source>
        <translation>最短的样本；样本在最小值到最大值之间均匀分布。</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Longest sample (at least min).</source>
        <translation>最长的样本（不小于最小值）。</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Average sample of an exponential distribution: most are short, a few are long.</source>
        <translation>指数分布的平均样本：大多数很短，少数很长。</translation>
    </message>
    <message>
        <source>Centre of a bell curve (samples below 0 are cut).</source>
        <translation>钟形曲线的中心（小于 0 的样本被截掉）。</translation>
    </message>
    <message>
        <source>Std deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Spread of the bell curve: about 68 % of samples lie within one of it from the mean.</source>
        <translation>钟形曲线的宽度：约 68 % 的样本落在均值上下一个标准差之内。</translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation>中位数（p50）</translation>
    </message>
    <message>
        <source>Half of the samples are faster than this (a log-normal: a long slow tail).</source>
        <translation>一半的样本比它快（对数正态分布：慢的一侧有长尾）。</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>99 % of the samples are faster than this; at least the median (equal: constant).</source>
        <translation>99 % 的样本比它快；不小于中位数（相等即为常数）。</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>A disabled stage is skipped: calls go straight to the next stage.</source>
        <translation>停用的阶段被跳过：调用直接进入下一个阶段。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Which breaker to simulate: the design notes&apos; consecutive-failure breaker, resilience4j&apos;s CircuitBreaker or Polly v8&apos;s advanced breaker, each with its own options and rules.</source>
        <translation>模拟哪种熔断器：设计笔记中的连续失败熔断器、resilience4j 的 CircuitBreaker，或 Polly v8 的高级熔断器，各有自己的选项和规则。</translation>
    </message>
    <message>
        <source>Half-open trial calls</source>
        <translation>半开探测请求数</translation>
    </message>
    <message>
        <source>Trial calls let through at a time while half-open; the others are rejected as circuit_open.</source>
        <translation>半开状态下同时放行的探测请求数；其余调用以 circuit_open 被拒绝。</translation>
    </message>
    <message>
        <source>Automatic transition to half-open</source>
        <translation>自动转为半开</translation>
    </message>
    <message>
        <source>Move from open to half-open by a timer when the wait ends, rather than at the next call after it.</source>
        <translation>等待结束时由定时器从打开转为半开，而不是等到之后的下一个调用。</translation>
    </message>
    <message>
        <source>Failure threshold</source>
        <translation>失败阈值</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Consecutive failures that open the breaker; any success resets the count.</source>
        <translation>使熔断器打开的连续失败次数；任何一次成功都会让计数清零。</translation>
    </message>
    <message>
        <source>Success threshold</source>
        <translation>成功阈值</translation>
    </message>
    <message>
        <source>Consecutive successful trial calls in half-open that close the breaker again; a failed trial reopens it.</source>
        <translation>半开状态下让熔断器重新关闭所需的连续成功探测次数；一次探测失败就会让它重新打开。</translation>
    </message>
    <message>
        <source>Reset timeout</source>
        <translation>重置超时</translation>
    </message>
    <message>
        <source>How long the breaker stays open, rejecting every call, before it lets trial calls through (half-open).</source>
        <translation>熔断器保持打开、拒绝所有调用的时长，之后才放行探测请求（半开）。</translation>
    </message>
    <message>
        <source>slidingWindowType</source>
        <translation>slidingWindowType</translation>
    </message>
    <message>
        <source>COUNT_BASED: the last N calls decide; TIME_BASED: the calls of the last N seconds (one-second buckets).</source>
        <translation>COUNT_BASED：由最近 N 次调用决定；TIME_BASED：由最近 N 秒内的调用决定（每秒一个桶）。</translation>
    </message>
    <message>
        <source>slidingWindowSize</source>
        <translation>slidingWindowSize</translation>
    </message>
    <message>
        <source>Size of the window the failure rate is computed over: calls for a count window, seconds for a time window.</source>
        <translation>计算失败率所用滑动窗口的大小：计数窗口为调用次数，时间窗口为秒数。</translation>
    </message>
    <message>
        <source>minimumNumberOfCalls</source>
        <translation>minimumNumberOfCalls</translation>
    </message>
    <message>
        <source>Calls that must be recorded before the failure rate is computed; below it the breaker cannot trip (capped at the window size for count windows).</source>
        <translation>计算失败率之前至少要记录的调用数（最小请求数）；不足时熔断器不会触发熔断（计数窗口下不超过窗口大小）。</translation>
    </message>
    <message>
        <source>failureRateThreshold</source>
        <translation>failureRateThreshold</translation>
    </message>
    <message>
        <source>Failure percentage of the window at or above which the breaker opens; checked after every recorded call.</source>
        <translation>失败率阈值：窗口内失败百分比达到或超过它时熔断器打开；每记录一次调用检查一次。</translation>
    </message>
    <message>
        <source>slowCallRateThreshold</source>
        <translation>slowCallRateThreshold</translation>
    </message>
    <message>
        <source>Percentage of slow calls at or above which the breaker opens, even if they succeed.</source>
        <translation>慢调用比例达到或超过这一百分比时熔断器打开，即使这些调用是成功的。</translation>
    </message>
    <message>
        <source>slowCallDurationThreshold</source>
        <translation>slowCallDurationThreshold</translation>
    </message>
    <message>
        <source>A call that takes strictly longer than this counts as slow.</source>
        <translation>耗时严格大于此值的调用算作慢调用。</translation>
    </message>
    <message>
        <source>permittedNumberOfCallsInHalfOpenState</source>
        <translation>permittedNumberOfCallsInHalfOpenState</translation>
    </message>
    <message>
        <source>Trial calls let through in half-open; their failure rate decides between closing and reopening.</source>
        <translation>半开状态下放行的探测请求数；由它们的失败率决定关闭还是重新打开。</translation>
    </message>
    <message>
        <source>waitDurationInOpenState</source>
        <translation>waitDurationInOpenState</translation>
    </message>
    <message>
        <source>How long the breaker stays open before it allows half-open trial calls (strictly after the deadline).</source>
        <translation>熔断器保持打开的时长，之后才允许半开探测请求（严格在期限之后）。</translation>
    </message>
    <message>
        <source>maxWaitDurationInHalfOpenState</source>
        <translation>maxWaitDurationInHalfOpenState</translation>
    </message>
    <message>
        <source>Longest time the breaker may stay half-open before it reopens; 0 waits for the trial calls however long they take.</source>
        <translation>熔断器保持半开的最长时间，超过后重新打开；0 表示不论多久都等探测请求结束。</translation>
    </message>
    <message>
        <source>wait forever</source>
        <translation>一直等待</translation>
    </message>
    <message>
        <source>automaticTransitionFromOpenToHalfOpenEnabled</source>
        <translation>automaticTransitionFromOpenToHalfOpenEnabled</translation>
    </message>
    <message>
        <source>Move to half-open by a timer when the wait ends, instead of at the first call after it.</source>
        <translation>等待结束时由定时器转为半开，而不是等到之后的第一个调用。</translation>
    </message>
    <message>
        <source>FailureRatio</source>
        <translation>FailureRatio</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>Share of failed calls in the sampling window at or above which a failure breaks the circuit (0.1 = 10 %).</source>
        <translation>采样窗口内失败调用的占比达到或超过此值时，一次失败就会触发熔断（0.1 = 10 %）。</translation>
    </message>
    <message>
        <source>MinimumThroughput</source>
        <translation>MinimumThroughput</translation>
    </message>
    <message>
        <source>Calls the sampling window must hold before the breaker may break.</source>
        <translation>熔断器可以熔断之前，采样窗口内至少要有的调用数。</translation>
    </message>
    <message>
        <source>SamplingDuration</source>
        <translation>SamplingDuration</translation>
    </message>
    <message>
        <source>Length of the rolling window (ten buckets) the failure ratio and throughput are measured over.</source>
        <translation>统计失败比例和吞吐量所用滚动窗口的长度（分为十个桶）。</translation>
    </message>
    <message>
        <source>BreakDuration</source>
        <translation>BreakDuration</translation>
    </message>
    <message>
        <source>How long the circuit stays open before the next call becomes the single half-open probe.</source>
        <translation>熔断时长：熔断器保持打开的时长，之后的下一个调用成为唯一的半开探测请求。</translation>
    </message>
    <message>
        <source>Max retries</source>
        <translation>最大重试次数</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Extra attempts after the first (3 means up to 4 attempts).</source>
        <translation>首次调用之后的额外尝试次数（3 表示最多尝试 4 次）。</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>退避</translation>
    </message>
    <message>
        <source>How the delay grows between retries: the same (fixed), base x (k+1) (linear) or base x multiplier^k (exponential).</source>
        <translation>重试之间的延迟如何增长：保持不变（fixed）、base x (k+1)（linear）或 base x multiplier^k（exponential）。</translation>
    </message>
    <message>
        <source>Base delay</source>
        <translation>基础延迟</translation>
    </message>
    <message>
        <source>Delay before the first retry, from which the later delays grow.</source>
        <translation>第一次重试前的延迟，之后的延迟由它增长而来。</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Factor by which each exponential delay exceeds the one before.</source>
        <translation>指数退避中每次延迟相对前一次的倍数。</translation>
    </message>
    <message>
        <source>Max delay</source>
        <translation>最大延迟</translation>
    </message>
    <message>
        <source>Cap on any one delay (before jitter spreads it), so exponential growth stops somewhere.</source>
        <translation>单次延迟的上限（在抖动之前），让指数增长有个尽头。</translation>
    </message>
    <message>
        <source>cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <source>Randomness added to each delay so that clients that failed together do not all retry at the same instant.</source>
        <translation>给每次延迟加上的随机量，使同时失败的客户端不会在同一时刻一起重试。</translation>
    </message>
    <message>
        <source>Jitter ratio</source>
        <translation>抖动比例</translation>
    </message>
    <message>
        <source>Proportional jitter adds up to this share of the delay (0.1: up to 10 % longer).</source>
        <translation>比例抖动最多增加延迟的这一比例（0.1：最多长 10 %）。</translation>
    </message>
    <message>
        <source>randomizationFactor</source>
        <translation>randomizationFactor</translation>
    </message>
    <message>
        <source>Randomized jitter spreads each delay d over [d - f·d, d + f·d] (resilience4j IntervalFunction).</source>
        <translation>随机化抖动把每次延迟 d 分散到 [d - f·d, d + f·d]（resilience4j IntervalFunction）。</translation>
    </message>
    <message>
        <source>Ratio (percentCanRetry)</source>
        <translation>比例（percentCanRetry）</translation>
    </message>
    <message>
        <source>retries/req</source>
        <translation>次/请求</translation>
    </message>
    <message>
        <source>Retries allowed per recent request (0.2: retries may add at most 20 % to the load), on top of the reserve.</source>
        <translation>在保底额度之外，每个近期请求允许的重试数（0.2：重试最多让负载增加 20 %）。</translation>
    </message>
    <message>
        <source>Reserve (minRetriesPerSec)</source>
        <translation>保底（minRetriesPerSec）</translation>
    </message>
    <message>
        <source>retries/s</source>
        <translation>次/秒</translation>
    </message>
    <message>
        <source>Retries per second always allowed, so that light traffic can still retry.</source>
        <translation>每秒始终允许的重试数，让低流量时也能重试。</translation>
    </message>
    <message>
        <source>Window (ttl)</source>
        <translation>窗口（ttl）</translation>
    </message>
    <message>
        <source>How long a request&apos;s deposit counts towards the budget.</source>
        <translation>一个请求存入的额度计入预算的时长。</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Time after which the caller gets a timeout at once; outside a retry it bounds the whole request, inside each attempt.</source>
        <translation>超过这一时间调用方立即得到超时；放在重试之外时限制整个请求，放在重试之内时限制每次尝试。</translation>
    </message>
    <message>
        <source>Cancel the abandoned attempt</source>
        <translation>取消被放弃的尝试</translation>
    </message>
    <message>
        <source>Stop the work behind a timed-out call; off (the default, as real servers) it keeps the service busy.</source>
        <translation>停止超时调用背后的工作；关闭时（默认，和真实服务器一样）它会继续占用服务。</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Where the degraded answer comes from: a static value at once, the last good answer, or another virtual service.</source>
        <translation>降级应答从哪里来：立即返回的静态值、最近一次成功的应答，或另一个虚拟服务。</translation>
    </message>
    <message>
        <source>Cache TTL</source>
        <translation>缓存 TTL</translation>
    </message>
    <message>
        <source>The last good answer is served only while younger than this.</source>
        <translation>最近一次成功的应答只在比这更新时才会被返回。</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>个实例</translation>
    </message>
    <message>
        <source>Identical instances of the service, each with its own concurrency, queue and slowdown; the load balancer picks one per attempt.</source>
        <translation>服务的相同实例，各有自己的并发数、队列和负载下的减速；负载均衡器为每次尝试选择一个。</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>负载均衡</translation>
    </message>
    <message>
        <source>How an attempt picks a replica: in turn, at random, the one with the fewest outstanding, or the better of two random ones (Envoy&apos;s LEAST_REQUEST).</source>
        <translation>一次尝试如何选择副本：轮流、随机、未完成请求最少的，或随机两个中较空闲的（Envoy 的 LEAST_REQUEST）。</translation>
    </message>
    <message>
        <source>Call mode</source>
        <translation>调用方式</translation>
    </message>
    <message>
        <source>Whether the service makes its calls one after another or all at once, after its own work.</source>
        <translation>服务完成自身工作后，是逐个发起调用，还是同时发起全部调用。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>up: serves; refuse: every attempt fails at once (a crashed process); hang: attempts take a slot and never answer (a partition).</source>
        <translation>up：正常服务；refuse：每次尝试立即失败（进程崩溃）；hang：尝试占用槽位却永不应答（网络分区）。</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Share of the caller&apos;s attempts that make this call.</source>
        <translation>调用方的尝试中发起这次调用的比例。</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>A failed required call fails the caller&apos;s attempt; a failed optional one leaves it degraded.</source>
        <translation>必需调用失败会使调用方的尝试失败；可选调用失败只让它降级。</translation>
    </message>
    <message>
        <source>maxConcurrentCalls</source>
        <translation>maxConcurrentCalls</translation>
    </message>
    <message>
        <source>Calls let through at the same time; the others wait for a permit or are rejected.</source>
        <translation>同时放行的调用数；其余调用等待许可或被拒绝。</translation>
    </message>
    <message>
        <source>maxWaitDuration</source>
        <translation>maxWaitDuration</translation>
    </message>
    <message>
        <source>How long a call waits for a permit when every permit is taken before it is rejected.</source>
        <translation>所有许可都被占用时，调用在被拒绝之前等待许可的最长时间。</translation>
    </message>
    <message>
        <source>reject at once</source>
        <translation>立即拒绝</translation>
    </message>
    <message>
        <source>QueueLimit</source>
        <translation>QueueLimit</translation>
    </message>
    <message>
        <source>Calls that may wait for a permit at the same time; one more is rejected at once.</source>
        <translation>可同时等待许可的调用数；再多一个就立即拒绝。</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>How permits come back: all at once at the start of each period (resilience4j), or continuously into a bucket (token bucket).</source>
        <translation>许可如何恢复：在每个周期开始时一次补满（resilience4j），或持续流入令牌桶（令牌桶算法）。</translation>
    </message>
    <message>
        <source>timeoutDuration</source>
        <translation>timeoutDuration</translation>
    </message>
    <message>
        <source>Longest wait for a permit a call may reserve; a call that would wait longer is rejected at once.</source>
        <translation>调用可预留许可的最长等待时间；需要等得更久的调用立即被拒绝。</translation>
    </message>
    <message>
        <source>never wait</source>
        <translation>从不等待</translation>
    </message>
    <message>
        <source>limitForPeriod</source>
        <translation>limitForPeriod</translation>
    </message>
    <message>
        <source>Permits each refresh period starts with.</source>
        <translation>每个刷新周期开始时的许可数。</translation>
    </message>
    <message>
        <source>limitRefreshPeriod</source>
        <translation>limitRefreshPeriod</translation>
    </message>
    <message>
        <source>Length of one period: permits are refreshed at every multiple of it from the start of the run.</source>
        <translation>一个周期的长度：从运行开始起，每到它的整数倍时刷新许可。</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>每秒令牌数</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>令牌/s</translation>
    </message>
    <message>
        <source>Rate at which the bucket refills; each call takes one token.</source>
        <translation>令牌桶的补充速率；每个调用取走一个令牌。</translation>
    </message>
    <message>
        <source>Burst (bucket size)</source>
        <translation>突发量（桶容量）</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Tokens the bucket holds when full (it starts full): calls that may pass at once after a quiet spell.</source>
        <translation>桶满时的令牌数（开始时是满的）：空闲一段时间后可以一次通过的调用数。</translation>
    </message>
    <message>
        <source>MaxHedgedAttempts</source>
        <translation>MaxHedgedAttempts</translation>
    </message>
    <message>
        <source>hedges</source>
        <translation>次对冲</translation>
    </message>
    <message>
        <source>Attempts a call may make besides its first one, each racing the others.</source>
        <translation>除第一次之外，一个调用还可以发出的尝试数，各次尝试相互竞速。</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Delay</translation>
    </message>
    <message>
        <source>How long an attempt runs without an answer before the next one starts (0: all at once, -1: only after a failure).</source>
        <translation>一次尝试在没有应答的情况下运行多久才启动下一次（0：全部同时发出；-1：仅在失败后）。</translation>
    </message>
    <message>
        <source>all at once</source>
        <translation>全部同时</translation>
    </message>
    <message>
        <source>Cancel the losers</source>
        <translation>取消落败的尝试</translation>
    </message>
    <message>
        <source>Stop the other attempts when one wins; off, they run on and keep their service busy.</source>
        <translation>一次尝试胜出时停止其他尝试；关闭时它们继续运行，使服务保持忙碌。</translation>
    </message>
</context>
<context>
    <name>PatternStyle</name>
    <message>
        <source>%1 fails</source>
        <translation>%1 次失败</translation>
    </message>
    <message>
        <source>≥%1 % fail</source>
        <translation>失败 ≥%1 %</translation>
    </message>
    <message>
        <source>fixed</source>
        <comment>backoff</comment>
        <translation>固定</translation>
    </message>
    <message>
        <source>linear</source>
        <comment>backoff</comment>
        <translation>线性</translation>
    </message>
    <message>
        <source>exp</source>
        <comment>exponential backoff</comment>
        <translation>指数</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>%1× %2 %3</source>
        <translation>%1× %2 %3</translation>
    </message>
    <message>
        <source>static</source>
        <translation>静态</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>cache %1</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>熔断器</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>熔断器</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Unknown stage</source>
        <translation>未知阶段</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>%1 at a time</source>
        <translation>同时 %1 个</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1/period</source>
        <translation>%1/周期</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>每 %2 %1 个</translation>
    </message>
    <message>
        <source>+%1 on failure</source>
        <translation>失败后 +%1</translation>
    </message>
    <message>
        <source>+%1 after %2</source>
        <translation>%2 后 +%1</translation>
    </message>
    <message>
        <source>Bulkhead</source>
        <translation>舱壁隔离</translation>
    </message>
    <message>
        <source>Rate limiter</source>
        <translation>限流器</translation>
    </message>
    <message>
        <source>Limiter</source>
        <translation>限流</translation>
    </message>
    <message>
        <source>Hedging</source>
        <translation>对冲请求</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The catalogue fails from 20 s to 80 s. The fallback serves the last good answer while it is younger than 30 s: hits at first, then misses (fallback_failed) once the cache is stale.</source>
        <comment>fallback-to-cache</comment>
        <translation>商品目录服务在 20 s 到 80 s 之间故障。降级返回最近一次成功的应答，只要它不超过 30 s：起初命中缓存，缓存过期后就未命中（fallback_failed）。</translation>
    </message>
    <message>
        <source>A dependency that fails 20 % of calls at random: three retries with full jitter lift success from 80 % to 1 - 0.2^4 = 99.84 % at the price of 1.25x the load.</source>
        <comment>flaky-dependency</comment>
        <translation>一个随机失败 20 % 调用的依赖：三次带全抖动的重试把成功率从 80 % 提升到 1 - 0.2^4 = 99.84 %，代价是 1.25 倍的负载。</translation>
    </message>
    <message>
        <source>The service is down from 30 s to 70 s. The breaker opens within a few calls, rejects at once while it is open, probes every 10 s in half-open and closes after the recovery; a static fallback answers meanwhile.</source>
        <comment>outage-and-recovery</comment>
        <translation>服务在 30 s 到 70 s 之间宕机。熔断器在几次调用内打开，打开期间立即拒绝调用，每 10 s 进入半开发出探测请求，服务恢复后关闭；其间由静态降级应答。</translation>
    </message>
    <message>
        <source>A Polly v8 circuit breaker with every default: failure ratio 0.1 over 30 s (ten 3 s windows), minimum throughput 100, break 5 s, one probe in half-open.</source>
        <comment>polly-defaults</comment>
        <translation>全部取默认值的 Polly v8 熔断器：30 s 内失败比例 0.1（十个 3 s 窗口），最小吞吐量 100，熔断时长 5 s，半开时一个探测请求。</translation>
    </message>
    <message>
        <source>A resilience4j CircuitBreaker with every default: count window of 100, minimum 100 calls, 50 % failure rate, 60 s in OPEN, 10 calls in HALF_OPEN. Nothing can trip before 100 calls; the failure rate reads -1 until then.</source>
        <comment>resilience4j-defaults</comment>
        <translation>全部取默认值的 resilience4j CircuitBreaker：100 次调用的计数窗口，最小请求数 100，失败率阈值 50 %，OPEN 状态 60 s，HALF_OPEN 状态 10 次调用。不到 100 次调用不会触发熔断；在此之前失败率显示为 -1。</translation>
    </message>
    <message>
        <source>The retry storm scenario with one change: a Finagle-style retry budget (10 % of requests + 5 retries/s). Retries cannot multiply the load, the queue drains, and the service recovers soon after the spike.</source>
        <comment>retry-storm-with-budget</comment>
        <translation>重试风暴场景，只改一处：加上 Finagle 式的重试预算（请求数的 10 % + 每秒 5 次重试）。重试无法成倍放大负载，队列得以排空，服务在流量尖峰过后很快恢复。</translation>
    </message>
    <message>
        <source>A service at 70 % load, a 10-second spike, per-attempt timeouts shorter than the queueing delay and three immediate retries with no budget and no breaker: the queue fills, every answer comes too late, retries quadruple the load, and the collapse outlasts the spike. Add a retry budget (retry-storm-with-budget) and it recovers.</source>
        <comment>retry-storm</comment>
        <translation>服务负载 70 %，一次 10 秒的流量尖峰，每次尝试的超时短于排队延迟，三次立即重试，既无重试预算也无熔断器：队列填满，每个应答都来得太晚，重试让负载翻了四倍，系统崩溃持续到尖峰之后。加上重试预算（retry-storm-with-budget）即可恢复。</translation>
    </message>
    <message>
        <source>The design notes&apos; ResilientService: breaker (5 failures / 3 successes / 30 s), timeouts 5 s and 10 s, 3 retries with exponential backoff and proportional jitter, cache fallback; the backend has an outage from 60 s to 120 s.</source>
        <comment>seed-resilient-service</comment>
        <translation>设计笔记中的 ResilientService：熔断器（5 次失败 / 3 次成功 / 30 s），超时 5 s 和 10 s，3 次带指数退避和比例抖动的重试，缓存降级；后端在 60 s 到 120 s 之间故障。</translation>
    </message>
    <message>
        <source>From 40 s to 90 s the dependency slows down (median 40 ms -&gt; 600 ms). A 500 ms per-attempt timeout cuts the wait, retries pile wasted work on the slow service, and a resilience4j breaker counting slow calls (&gt; 400 ms) opens on the slow-call rate.</source>
        <comment>slow-dependency-timeouts</comment>
        <translation>依赖在 40 s 到 90 s 之间变慢（中位数 40 ms -&gt; 600 ms）。每次尝试 500 ms 的超时缩短了等待，重试却把白费的工作堆到慢服务上；统计慢调用（&gt; 400 ms）的 resilience4j 熔断器因慢调用比例而打开。</translation>
    </message>
    <message>
        <source>2000 clients start together after a deploy and retry with exponential backoff and no jitter: rejected calls come back in synchronized waves at +200, +600, +1400 ms ... Set jitter to full to see the waves melt.</source>
        <comment>thundering-herd</comment>
        <translation>部署后 2000 个客户端同时启动，使用不带抖动的指数退避重试：被拒绝的调用在 +200、+600、+1400 ms ……以同步的波次回来。把 jitter 设为 full，可以看到波次消散。</translation>
    </message>
    <message>
        <source>A gateway with 20 worker slots calls catalog on every request and, for half of them, the optional reviews service, with no timeout on either call. At 30 s reviews stops answering (a network partition, until 60 s). Each request that calls reviews now keeps a gateway slot forever: within a second every slot waits on reviews, the queue fills, and every request fails, including the half that never needed reviews. The partition heals at 60 s, but the stuck calls never end: nothing bounds them. Compare cascade-bulkhead-isolation.</source>
        <comment>cascade-thread-exhaustion</comment>
        <translation>网关有 20 个工作槽位，每个请求都调用 catalog，其中一半还调用可选的 reviews 服务，两个调用都没有超时。30 s 时 reviews 不再应答（网络分区，持续到 60 s）。此后每个调用 reviews 的请求都永远占住一个网关槽位：不到一秒所有槽位都在等待 reviews，队列被填满，所有请求都失败，包括那一半根本不需要 reviews 的请求。分区在 60 s 恢复，但卡住的调用永远不会结束：没有任何东西为它们设上限。对比 cascade-bulkhead-isolation。</translation>
    </message>
    <message>
        <source>Three layers, frontend -&gt; api -&gt; db, and every edge retries 3 times. During the database outage from 20 s to 40 s each attempt fails, so each layer makes 4 attempts for every one it receives: the database sees 4 x 4 x 4 = 64 attempts per request, 640 per second instead of 10. This is why retries belong at one layer only (usually the edge closest to the user), or behind a retry budget.</source>
        <comment>retry-amplification-layers</comment>
        <translation>三层服务 frontend -&gt; api -&gt; db，每条调用边都重试 3 次。在 20 s 到 40 s 的数据库故障期间，每次尝试都失败，于是每一层对收到的每个调用都发出 4 次尝试：数据库每个请求要承受 4 x 4 x 4 = 64 次尝试，每秒 640 次而不是 10 次。这就是为什么只应在一层重试（通常是离用户最近的那一层），或者配上重试预算。</translation>
    </message>
    <message>
        <source>Three replicas of api behind a round-robin balancer; replica 1 crashes at 20 s (it refuses every attempt at once) and comes back at 40 s. A third of the attempts fail meanwhile, but the client retries up to twice and the balancer sends each retry to the next replica, so almost every request still succeeds, at the cost of extra attempts. Disable the retry to see the crash.</source>
        <comment>replica-crash-round-robin</comment>
        <translation>api 的三个副本位于轮询负载均衡器之后；副本 1 在 20 s 崩溃（立即拒绝每次尝试），40 s 恢复。其间三分之一的尝试失败，但客户端最多重试两次，负载均衡器把每次重试发往下一个副本，所以几乎每个请求仍然成功，代价是多出的尝试。禁用重试即可看到这次崩溃。</translation>
    </message>
    <message>
        <source>Two replicas of api, each with 10 slots (about 200 requests/s each), at 300 requests/s behind round robin, and a client that retries 3 times with a 300 ms timeout per attempt. Replica 0 crashes for 5 s at 20 s: its attempts fail at once and their retries pile onto replica 1, whose queue outgrows the timeout. Timed-out attempts keep their place in the queue, every late answer is retried, and the offered load stays far above capacity: the system never recovers after the crash ends. Give the retry a budget (&quot;budget&quot;: {&quot;ratio&quot;: 0.1}) or enable the circuit breaker (pipeline[0]) and the same crash passes in seconds: both stop the retries from multiplying the load.</source>
        <comment>metastable-retry-lb</comment>
        <translation>api 有两个副本，每个 10 个槽位（各约 200 请求/s），轮询负载均衡下承受 300 请求/s；客户端重试 3 次，每次尝试超时 300 ms。副本 0 在 20 s 崩溃 5 秒：打到它的尝试立即失败，重试都压到副本 1 上，其队列增长到超过超时时长。超时的尝试仍在队列中占着位置，每个迟到的应答都会被重试，提供的负载始终远高于容量：崩溃结束后系统再也无法恢复。给重试加上预算（&quot;budget&quot;: {&quot;ratio&quot;: 0.1}）或启用熔断器（pipeline[0]），同样的崩溃几秒内就会过去：两者都能阻止重试成倍放大负载。</translation>
    </message>
    <message>
        <source>The thread-exhaustion graph with three patterns on the gateway&apos;s call to reviews: a 200 ms timeout that cancels the abandoned call, a bulkhead of 5 concurrent calls that rejects at once beyond them, and a circuit breaker. When reviews hangs at 30 s the breaker opens after five timeouts, the bulkhead keeps reviews from ever holding more than 5 of the gateway&apos;s 20 slots, and the gateway keeps serving: degraded (without reviews) but successful. When reviews comes back at 60 s the breaker probes, closes, and the reviews are back. Compare cascade-thread-exhaustion.</source>
        <comment>cascade-bulkhead-isolation</comment>
        <translation>与线程耗尽场景相同的服务图，在网关调用 reviews 的边上加了三种模式：200 ms 的超时（并取消被放弃的调用）、5 个并发调用的舱壁隔离（超出即立即拒绝），以及一个熔断器。30 s 时 reviews 挂起，熔断器在五次超时后打开，舱壁隔离保证 reviews 永远占不到网关 20 个槽位中的 5 个以上，网关继续服务：降级（没有 reviews）但成功。60 s 时 reviews 恢复，熔断器发出探测请求后关闭，reviews 重新可用。对比 cascade-thread-exhaustion。</translation>
    </message>
    <message>
        <source>A search service with a heavy tail (median 20 ms, p99 400 ms) at 200 requests/s. The client hedges: when an attempt has not answered within 50 ms (about the 85th percentile) it starts one more (Polly v8&apos;s hedging, max_hedged_attempts 1), the first answer wins and the loser is cancelled. p99 drops from about 430 ms to about 135 ms, at the cost of the hedged attempts: about 24 % more load on the service. Disable the hedging stage to compare.</source>
        <comment>hedging-tail-latency</comment>
        <translation>一个长尾的搜索服务（中位数 20 ms，p99 400 ms），负载 200 请求/s。客户端使用对冲请求：一次尝试 50 ms（约第 85 百分位）内没有应答就再发一次（Polly v8 的对冲策略，max_hedged_attempts 1），最先到达的应答胜出，落败的尝试被取消。p99 从约 430 ms 降到约 135 ms，代价是对冲带来的尝试：服务负载约增加 24 %。禁用 hedging 阶段即可对比。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>p50 %1 ms · p99 %2 ms · mean %3 ms</source>
        <translation>p50 %1 ms · p99 %2 ms · 均值 %3 ms</translation>
    </message>
    <message>
        <source>No retries: every call gets a single attempt.</source>
        <translation>不重试：每个调用只尝试一次。</translation>
    </message>
    <message>
        <source>Delays before retries: %1%2 ms</source>
        <translation>重试前的延迟：%1%2 ms</translation>
    </message>
    <message>
        <source> (before %1 jitter)</source>
        <translation>（%1 抖动之前）</translation>
    </message>
    <message>
        <source>proportional: d + U[0, ratio·d] (the design notes&apos;)</source>
        <translation>proportional（比例抖动）：d + U[0, ratio·d]（设计笔记）</translation>
    </message>
    <message>
        <source>randomized: U[d − f·d, d + f·d] (resilience4j)</source>
        <translation>randomized（随机化抖动）：U[d − f·d, d + f·d]（resilience4j）</translation>
    </message>
    <message>
        <source>full: U[0, d] (AWS)</source>
        <translation>full（全抖动）：U[0, d]（AWS）</translation>
    </message>
    <message>
        <source>equal: d/2 + U[0, d/2] (AWS)</source>
        <translation>equal（等量抖动）：d/2 + U[0, d/2]（AWS）</translation>
    </message>
    <message>
        <source>decorrelated: min(cap, U[base, 3·previous]) (AWS)</source>
        <translation>decorrelated（去相关抖动）：min(cap, U[base, 3·previous])（AWS）</translation>
    </message>
    <message>
        <source>Polly DecorrelatedJitterBackoffV2 (median near base·2^k)</source>
        <translation>Polly DecorrelatedJitterBackoffV2（中位数接近 base·2^k）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the image: no file name given</source>
        <translation>无法写入图片：未给出文件名</translation>
    </message>
    <message>
        <source>no file extension (use .png, .svg or .pdf)</source>
        <translation>没有文件扩展名（请用 .png、.svg 或 .pdf）</translation>
    </message>
    <message>
        <source>unknown image format &quot;.%1&quot; (use .png, .svg or .pdf)</source>
        <translation>未知的图片格式“.%1”（请用 .png、.svg 或 .pdf）</translation>
    </message>
    <message>
        <source>nothing to draw</source>
        <translation>没有可绘制的内容</translation>
    </message>
    <message>
        <source>the view has no size yet</source>
        <translation>视图还没有尺寸</translation>
    </message>
    <message>
        <source>the %1 encoder failed</source>
        <translation>%1 编码器出错</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>什么也没有写入</translation>
    </message>
    <message>
        <source>the file is empty after writing</source>
        <translation>写入后文件为空</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>未给出文件名</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>B is identical to A: every difference is 0.</source>
        <translation>B 与 A 完全相同：所有差值均为 0。</translation>
    </message>
    <message>
        <source>B differs from A in: </source>
        <translation>B 与 A 的不同之处：</translation>
    </message>
    <message numerus="yes">
        <source> · and %n more</source>
        <translation>
            <numerusform> · 另有 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>服务 %1</translation>
    </message>
    <message>
        <source>phase %1</source>
        <translation>时段 %1</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>error latency</source>
        <translation>错误延迟</translation>
    </message>
    <message>
        <source>think time</source>
        <translation>思考时间</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>半开</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::AttemptsChart</name>
    <message>
        <source>calls / s</source>
        <translation>调用/秒</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>arrivals</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Attempts and retries — amplification A %1× · B %2×</source>
        <translation>尝试与重试 — 放大倍数 A %1× · B %2×</translation>
    </message>
    <message>
        <source>Attempts and retries — amplification %1× so far</source>
        <translation>尝试与重试 — 目前放大倍数 %1×</translation>
    </message>
    <message>
        <source>Attempts and retries</source>
        <translation>尝试与重试</translation>
    </message>
    <message>
        <source>%1: %2 (%3 /s)</source>
        <translation>%1：%2（%3 /秒）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::BoolField</name>
    <message>
        <source>key &lt;code&gt;%1&lt;/code&gt; · default %2</source>
        <translation>键 &lt;code&gt;%1&lt;/code&gt; · 默认 %2</translation>
    </message>
</context>
<context>
    <name>reslab::ui::BreakerChart</name>
    <message>
        <source>Circuit breaker state</source>
        <translation>熔断器状态</translation>
    </message>
    <message>
        <source>Circuit breaker — none</source>
        <translation>熔断器 — 无</translation>
    </message>
    <message>
        <source>share (0–1)</source>
        <translation>占比 (0–1)</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>半开</translation>
    </message>
    <message>
        <source>no circuit breaker in this scenario</source>
        <translation>本场景中没有熔断器</translation>
    </message>
    <message numerus="yes">
        <source>closed %1 · open %2 · half-open %3
mostly %4; %n transition(s)</source>
        <translation>
            <numerusform>关闭 %1 · 打开 %2 · 半开 %3
以%4为主；状态转换 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslab::ui::BreakerDiagram</name>
    <message>
        <source>Circuit breaker · %1</source>
        <translation>熔断器 · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n transition(s)</source>
        <translation>
            <numerusform>转换 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 rejected</source>
        <translation> · 拒绝 %1</translation>
    </message>
    <message>
        <source>half-open in %1 s</source>
        <translation>%1 s 后半开</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>%1 s 后</translation>
    </message>
    <message>
        <source>half-open at the next call</source>
        <translation>下一个调用时半开</translation>
    </message>
    <message>
        <source>at next call</source>
        <translation>下个调用时</translation>
    </message>
    <message>
        <source>successes %1 / %2</source>
        <translation>成功 %1 / %2</translation>
    </message>
    <message>
        <source>ok %1 / %2</source>
        <translation>成功 %1 / %2</translation>
    </message>
    <message>
        <source>trials in flight %1 / %2</source>
        <translation>在途探测 %1 / %2</translation>
    </message>
    <message>
        <source>trials %1 / %2</source>
        <translation>探测 %1 / %2</translation>
    </message>
    <message>
        <source>consecutive failures %1 / %2</source>
        <translation>连续失败 %1 / %2</translation>
    </message>
    <message>
        <source>failures %1 / %2</source>
        <translation>失败 %1 / %2</translation>
    </message>
    <message>
        <source>failure rate: not enough calls (%1 / %2)</source>
        <translation>失败率：调用数不足（%1 / %2）</translation>
    </message>
    <message>
        <source>calls %1 / %2 min</source>
        <translation>调用 %1 / 最少 %2</translation>
    </message>
    <message>
        <source>slow-call rate: not enough calls (threshold %1 %)</source>
        <translation>慢调用比例：调用数不足（阈值 %1 %）</translation>
    </message>
    <message>
        <source>slow: not enough calls</source>
        <translation>慢调用：调用数不足</translation>
    </message>
    <message>
        <source>failure rate %1 % (threshold %2 %)</source>
        <translation>失败率 %1 %（阈值 %2 %）</translation>
    </message>
    <message>
        <source>failures %1 % / %2 %</source>
        <translation>失败 %1 % / %2 %</translation>
    </message>
    <message>
        <source>slow-call rate %1 % (threshold %2 %)</source>
        <translation>慢调用比例 %1 %（阈值 %2 %）</translation>
    </message>
    <message>
        <source>slow %1 % / %2 %</source>
        <translation>慢调用 %1 % / %2 %</translation>
    </message>
    <message>
        <source>trial calls %1 / %2</source>
        <translation>探测请求 %1 / %2</translation>
    </message>
    <message>
        <source>window %1 / %2 calls</source>
        <translation>窗口 %1 / %2 次调用</translation>
    </message>
    <message>
        <source>window %1 / %2</source>
        <translation>窗口 %1 / %2</translation>
    </message>
    <message>
        <source>window %1 calls in %2 s (minimum %3)</source>
        <translation>窗口：%2 s 内 %1 次调用（最少 %3）</translation>
    </message>
    <message>
        <source>%1 calls in %2 s</source>
        <translation>%2 s 内 %1 次调用</translation>
    </message>
    <message>
        <source>failure ratio: not enough calls (%1 / %2)</source>
        <translation>失败比例：调用数不足（%1 / %2）</translation>
    </message>
    <message>
        <source>failure ratio %1 % (threshold %2 %)</source>
        <translation>失败比例 %1 %（阈值 %2 %）</translation>
    </message>
    <message>
        <source>throughput %1 calls in %2 (minimum %3)</source>
        <translation>吞吐量：%2 内 %1 次调用（最少 %3）</translation>
    </message>
    <message>
        <source>%1 calls in %2</source>
        <translation>%2 内 %1 次调用</translation>
    </message>
    <message>
        <source>probe in flight %1 / %2</source>
        <translation>在途探测 %1 / %2</translation>
    </message>
    <message>
        <source>probe %1 / %2</source>
        <translation>探测 %1 / %2</translation>
    </message>
    <message>
        <source>no circuit breaker in this pipeline</source>
        <translation>管道中没有熔断器</translation>
    </message>
    <message>
        <source>%1 failures in a row</source>
        <translation>连续 %1 次失败</translation>
    </message>
    <message>
        <source>ratio ≥ %1 %</source>
        <translation>比例 ≥ %1 %</translation>
    </message>
    <message>
        <source>rate ≥ %1 %</source>
        <translation>失败率 ≥ %1 %</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>trial succeeds</source>
        <translation>探测成功</translation>
    </message>
    <message>
        <source>%1 successes</source>
        <translation>%1 次成功</translation>
    </message>
    <message>
        <source>probe succeeds</source>
        <translation>探测成功</translation>
    </message>
    <message>
        <source>rate &lt; %1 %</source>
        <translation>失败率 &lt; %1 %</translation>
    </message>
    <message>
        <source>trial fails</source>
        <translation>探测失败</translation>
    </message>
    <message>
        <source>probe fails</source>
        <translation>探测失败</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>熔断器</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ChartPanel</name>
    <message>
        <source>Last 60 s</source>
        <translation>最近 60 s</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>全程</translation>
    </message>
    <message>
        <source>Time window of the charts</source>
        <translation>图表的时间窗口</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>No simulation</source>
        <translation>没有模拟</translation>
    </message>
    <message>
        <source>A solid, B dashed · seed A %1, B %2 · t = %3 s of %4 s · %5</source>
        <translation>A 实线，B 虚线 · 种子 A %1，B %2 · t = %3 s / %4 s · %5</translation>
    </message>
    <message>
        <source>whole run</source>
        <translation>全程</translation>
    </message>
    <message>
        <source>last 60 s</source>
        <translation>最近 60 s</translation>
    </message>
    <message>
        <source>%1 · seed %2 · t = %3 s of %4 s · buckets of %5 ms · %6</source>
        <translation>%1 · 种子 %2 · t = %3 s / %4 s · 时间桶 %5 ms · %6</translation>
    </message>
    <message>
        <source>unknown chart &quot;%1&quot; (charts are: %2)</source>
        <translation>未知图表“%1”（可用图表：%2）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ChoiceField</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation>%1（无效）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::CompareModel</name>
    <message>
        <source>success %</source>
        <translation>成功 %</translation>
    </message>
    <message>
        <source>failure %</source>
        <translation>失败 %</translation>
    </message>
    <message>
        <source>fallback %</source>
        <translation>降级 %</translation>
    </message>
    <message>
        <source>rejected %</source>
        <translation>被拒绝 %</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>amplification</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <source>time open %</source>
        <translation>打开时间 %</translation>
    </message>
    <message>
        <source>B is better than A</source>
        <translation>B 优于 A</translation>
    </message>
    <message>
        <source>B is worse than A</source>
        <translation>B 劣于 A</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>没有差别</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Δ (B − A)</source>
        <translation>Δ（B − A）</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>相对变化</translation>
    </message>
    <message>
        <source>%1: higher is better</source>
        <translation>%1：越高越好</translation>
    </message>
    <message>
        <source>%1: lower is better</source>
        <translation>%1：越低越好</translation>
    </message>
</context>
<context>
    <name>reslab::ui::CompareWindow</name>
    <message>
        <source>Edit A</source>
        <translation>编辑 A</translation>
    </message>
    <message>
        <source>Edit B</source>
        <translation>编辑 B</translation>
    </message>
    <message>
        <source>Numbers of the runs so far, from the engine. Δ is green where B is better than A, red where it is worse (hover a row name for the direction).</source>
        <translation>两次运行到目前为止的数据，来自引擎。B 优于 A 时 Δ 为绿色，劣于 A 时为红色（把鼠标停在行名上可看到优劣方向）。</translation>
    </message>
    <message>
        <source>Differences (B − A)</source>
        <translation>差异（B − A）</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause both runs in real time × speed (Space)</source>
        <translation>按实时 × 速度播放/暂停两次运行（空格）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start both runs again from t = 0 (R)</source>
        <translation>两次运行都从 t = 0 重新开始（R）</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>运行到结束</translation>
    </message>
    <message>
        <source>Simulate the rest of both runs as fast as possible (E)</source>
        <translation>尽快模拟完两次运行的剩余部分（E）</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Virtual seconds per wall second, 0.1x to 1000x (log scale)</source>
        <translation>每个真实秒对应的模拟秒数，0.1x 到 1000x（对数刻度）</translation>
    </message>
    <message>
        <source>The engines cannot keep up with this speed: time runs slower than asked (for both runs alike)</source>
        <translation>引擎跟不上这个速度：时间比设定的走得慢（两次运行相同）</translation>
    </message>
    <message>
        <source> Seed (A and B) </source>
        <translation> 种子（A 和 B） </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Comparison as image (PNG, SVG, PDF)…</source>
        <translation>对比视图导出为图片（PNG、SVG、PDF）…</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>图片 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Charts as image (PNG, SVG, PDF)…</source>
        <translation>图表导出为图片（PNG、SVG、PDF）…</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Difference table (CSV)…</source>
        <translation>差异表（CSV）…</translation>
    </message>
    <message>
        <source>Export difference table</source>
        <translation>导出差异表</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Time series of A and B (CSV)…</source>
        <translation>A 和 B 的时间序列（CSV）…</translation>
    </message>
    <message>
        <source>Export time series</source>
        <translation>导出时间序列</translation>
    </message>
    <message>
        <source>Library configuration of A (resilience4j / Polly)…</source>
        <translation>A 的库配置（resilience4j / Polly）…</translation>
    </message>
    <message>
        <source>Library configuration of B (resilience4j / Polly)…</source>
        <translation>B 的库配置（resilience4j / Polly）…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source> engines at their limit </source>
        <translation> 引擎已达极限 </translation>
    </message>
    <message>
        <source>A — %1 (solid)</source>
        <translation>A — %1（实线）</translation>
    </message>
    <message>
        <source>B — %1 (dashed)</source>
        <translation>B — %1（虚线）</translation>
    </message>
    <message>
        <source>Compare A/B — %1 — Resilience Lab</source>
        <translation>A/B 对比 — %1 — Resilience Lab</translation>
    </message>
    <message>
        <source>Library configuration</source>
        <translation>库配置</translation>
    </message>
    <message>
        <source>Run %1 has no valid scenario.</source>
        <translation>运行 %1 没有有效的场景。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Simulated time of both runs / length of the longer run</source>
        <translation>两次运行的模拟时间 / 较长一次运行的长度</translation>
    </message>
    <message>
        <source>Both runs use this seed: the same arrivals and the same luck per attempt (common random numbers), so they differ only by their configuration</source>
        <translation>两次运行都用这个种子：请求到达相同，每次尝试的运气也相同（公共随机数），因此差别只来自配置</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ConfigExportDialog</name>
    <message>
        <source>Library configuration — %1</source>
        <translation>库配置 — %1</translation>
    </message>
    <message>
        <source>resilience4j (Spring Boot application.yml)</source>
        <translation>resilience4j（Spring Boot application.yml）</translation>
    </message>
    <message>
        <source>Polly v8 (C# options)</source>
        <translation>Polly v8（C# 选项）</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>复制到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>The breaker, retry and timeout stages of &quot;%1&quot; as the library&apos;s own configuration; what does not map is listed in comments. Same output as resilience-lab export-config.</source>
        <translation>把“%1”的熔断器、重试和超时阶段写成库自己的配置；无法对应的部分列在注释里。与 resilience-lab export-config 的输出相同。</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>未给出文件名</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 — the configuration is still here; copy it or save it elsewhere.</source>
        <translation>无法写入 %1：%2 — 配置仍在这里，可以复制它或保存到别处。</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>C# (*.cs);;All files (*)</source>
        <translation>C# (*.cs);;所有文件 (*)</translation>
    </message>
    <message>
        <source>YAML (*.yml *.yaml);;All files (*)</source>
        <translation>YAML (*.yml *.yaml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
</context>
<context>
    <name>reslab::ui::DistributionEditor</name>
    <message>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Write this distribution into the scenario to change it</source>
        <translation>把这个分布写入场景以便修改</translation>
    </message>
    <message>
        <source>Switching the distribution replaces its numbers with ones on the same scale.</source>
        <translation>切换分布时，参数会换成同一量级的数值。</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数（constant）</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀（uniform）</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数（exponential）</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正态（normal）</translation>
    </message>
    <message>
        <source>lognormal</source>
        <translation>对数正态（lognormal）</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除%1</translation>
    </message>
</context>
<context>
    <name>reslab::ui::DragHandle</name>
    <message>
        <source>Drag to move this stage (outermost first)</source>
        <translation>拖动以移动这个阶段（最外层在最上）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::EventLogModel</name>
    <message>
        <source>Virtual time of the event, in ms</source>
        <translation>事件的模拟时间，单位 ms</translation>
    </message>
    <message>
        <source>Service attempt number (1-based) or retry number; 0: not applicable</source>
        <translation>服务尝试序号（从 1 开始）或重试序号；0：不适用</translation>
    </message>
    <message>
        <source>The pipeline stage, or service:NAME</source>
        <translation>管道阶段，或 service:NAME</translation>
    </message>
</context>
<context>
    <name>reslab::ui::EventLogView</name>
    <message>
        <source>all kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Show only the events of one kind</source>
        <translation>只显示一种类型的事件</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the newest event in sight (uncheck, or pause, to read)</source>
        <translation>始终显示最新事件（取消勾选或暂停即可阅读）</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>last %1 of %2 events</source>
        <translation>共 %2 个事件中的最近 %1 个</translation>
    </message>
    <message>
        <source>%1 shown · </source>
        <translation>显示 %1 个 · </translation>
    </message>
    <message>
        <source> (%1 skipped at overload)</source>
        <translation>（过载时跳过 %1 个）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::FallbackPanel</name>
    <message>
        <source>static answers</source>
        <translation>静态应答</translation>
    </message>
    <message>
        <source>cache hits</source>
        <translation>缓存命中</translation>
    </message>
    <message>
        <source>cache misses</source>
        <translation>缓存未命中</translation>
    </message>
    <message>
        <source>service answers</source>
        <translation>服务应答</translation>
    </message>
    <message>
        <source>service failures</source>
        <translation>服务失败</translation>
    </message>
    <message>
        <source>Fallback · static answer</source>
        <translation>降级 · 静态应答</translation>
    </message>
    <message>
        <source>Fallback · cache (ttl %1)</source>
        <translation>降级 · 缓存（ttl %1）</translation>
    </message>
    <message>
        <source>Fallback · service: %1</source>
        <translation>降级 · 服务：%1</translation>
    </message>
    <message>
        <source>no fallback in this pipeline</source>
        <translation>管道中没有降级</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>fallbacks/s in the last bucket: %1</source>
        <translation>最近一个时间桶的降级数/秒：%1</translation>
    </message>
    <message>
        <source>fallbacks/s in the last bucket: none closed yet</source>
        <translation>最近一个时间桶的降级数/秒：还没有结束的时间桶</translation>
    </message>
    <message>
        <source>cache age %1 s / ttl %2</source>
        <translation>缓存年龄 %1 s / ttl %2</translation>
    </message>
    <message>
        <source>cache empty: no good answer yet</source>
        <translation>缓存为空：还没有成功的应答</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>fallbacks/s, last bucket</source>
        <translation>降级数/秒（最近时间桶）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>cache age</source>
        <translation>缓存年龄</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>cache age (stale)</source>
        <translation>缓存年龄（已过期）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>fallbacks/s by bucket</source>
        <translation>各时间桶的降级数/秒</translation>
    </message>
</context>
<context>
    <name>reslab::ui::FlowView</name>
    <message>
        <source>on its way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>showing 1 in %1 requests</source>
        <translation>每 %1 个请求显示 1 个</translation>
    </message>
    <message>
        <source>at most %1 dots</source>
        <translation>最多 %1 个点</translation>
    </message>
    <message>
        <source>Request flow</source>
        <translation>请求流</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>queue | servers</source>
        <translation>队列 | 服务台</translation>
    </message>
    <message>
        <source>in service 000 / 000</source>
        <translation>处理中 000 / 000</translation>
    </message>
    <message>
        <source>in service %1 / %2</source>
        <translation>处理中 %1 / %2</translation>
    </message>
    <message>
        <source>in service %1</source>
        <translation>处理中 %1</translation>
    </message>
    <message>
        <source>queue %1 / %2</source>
        <translation>队列 %1 / %2</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>busy %1/%2</source>
        <translation>忙 %1/%2</translation>
    </message>
    <message>
        <source>busy %1</source>
        <translation>忙 %1</translation>
    </message>
    <message>
        <source>queue %1/%2</source>
        <translation>队列 %1/%2</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>reslab::ui::FramedField</name>
    <message>
        <source>Remove this value from the phase</source>
        <translation>从本时段中删除这个值</translation>
    </message>
    <message>
        <source>Reset to default (removes the key from the file)</source>
        <translation>恢复默认值（从文件中删除这个键）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>reslab::ui::HeatMap</name>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation>还没有结果</translation>
    </message>
    <message>
        <source>meets the goal</source>
        <translation>达到目标</translation>
    </message>
    <message>
        <source>misses it</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>best setting</source>
        <translation>最佳设置</translation>
    </message>
</context>
<context>
    <name>reslab::ui::LatencyChart</name>
    <message>
        <source>Latency of ended requests</source>
        <translation>已结束请求的延迟</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>延迟 (ms)</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>no request ended in this bucket</source>
        <translation>这个时间桶内没有结束的请求</translation>
    </message>
    <message>
        <source>p50: %1 ms
p99: %2 ms
(%3 requests ended)</source>
        <translation>p50：%1 ms
p99：%2 ms
（%3 个请求结束）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n problem(s) in the scenario — the simulation keeps the last valid one. First: %1</source>
        <translation>
            <numerusform>场景中有 %n 个问题 — 模拟继续使用最后一个有效版本。第一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit applied at t = %1 s</source>
        <translation>修改已在 t = %1 s 时生效</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>导出仪表盘</translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>图片 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export time series</source>
        <translation>导出时间序列</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>导出摘要</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export scenario</source>
        <translation>导出场景</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Dashboard as image (PNG, SVG, PDF)…</source>
        <translation>仪表盘导出为图片（PNG、SVG、PDF）…</translation>
    </message>
    <message>
        <source>Charts as image (PNG, SVG, PDF)…</source>
        <translation>图表导出为图片（PNG、SVG、PDF）…</translation>
    </message>
    <message>
        <source>Time series (CSV)…</source>
        <translation>时间序列（CSV）…</translation>
    </message>
    <message>
        <source>Events (CSV)…</source>
        <translation>事件（CSV）…</translation>
    </message>
    <message>
        <source>Summary (JSON)…</source>
        <translation>摘要（JSON）…</translation>
    </message>
    <message>
        <source>Scenario (JSON)…</source>
        <translation>场景（JSON）…</translation>
    </message>
    <message>
        <source>Library configuration (resilience4j / Polly)…</source>
        <translation>库配置（resilience4j / Polly）…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo edit</source>
        <translation>撤销修改(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo edit</source>
        <translation>重做修改(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Apply edits to the running simulation (hot)</source>
        <translation>把修改应用到正在运行的模拟（热应用）</translation>
    </message>
    <message>
        <source>Edits take effect at the current simulated time; every chart marks the moment with a vertical line</source>
        <translation>修改在当前模拟时间生效；每个图表都用一条竖线标出这一时刻</translation>
    </message>
    <message>
        <source>Restart the run on every edit</source>
        <translation>每次修改都重新开始运行</translation>
    </message>
    <message>
        <source>&amp;Tune</source>
        <translation>调优(&amp;T)</translation>
    </message>
    <message>
        <source>Parameter &amp;sweep…</source>
        <translation>参数扫描(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Compare &amp;A/B…</source>
        <translation>A/B 对比(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Library &amp;configuration (resilience4j / Polly)…</source>
        <translation>库配置（resilience4j / Polly）(&amp;C)…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Save them first?</source>
        <translation>“%1”有未保存的修改。先保存吗？</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>Library configuration</source>
        <translation>库配置</translation>
    </message>
    <message>
        <source>The scenario has no valid version yet.</source>
        <translation>场景还没有有效的版本。</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓扑</translation>
    </message>
    <message>
        <source>The views show edge %1</source>
        <translation>各视图显示调用边 %1</translation>
    </message>
    <message>
        <source>Added a call %1 -&gt; %2 (Edit &gt; Undo removes it)</source>
        <translation>已添加调用 %1 -&gt; %2（编辑 &gt; 撤销可删除）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ParamField</name>
    <message>
        <source>Unchecked: %1</source>
        <translation>不勾选：%1</translation>
    </message>
    <message>
        <source>Remove from this phase</source>
        <translation>从本时段中删除</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Sweep this parameter…</source>
        <translation>扫描这个参数…</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>inherited</source>
        <translation>沿用</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>valid: %1 – %2 %3</source>
        <translation>有效范围：%1 – %2 %3</translation>
    </message>
    <message>
        <source>key &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>键 &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>valid %1</source>
        <translation>有效范围 %1</translation>
    </message>
    <message>
        <source>default %1 %2</source>
        <translation>默认 %1 %2</translation>
    </message>
    <message>
        <source>absent: %1</source>
        <translation>不填：%1</translation>
    </message>
    <message>
        <source>absent: unchanged</source>
        <translation>不填：保持不变</translation>
    </message>
</context>
<context>
    <name>reslab::ui::PhaseList</name>
    <message>
        <source>Phases</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>From each phase&apos;s time on, the values it lists replace the base values; the others stay as they were.</source>
        <translation>从每个时段的起始时间起，它列出的值取代基准值；其余的值保持不变。</translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>No phases: the values above hold for the whole run.</source>
        <translation>没有时段：上面的值在整个运行中都有效。</translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation>时段 %1</translation>
    </message>
    <message>
        <source>+ value</source>
        <translation>+ 值</translation>
    </message>
    <message>
        <source>Let this phase change another value</source>
        <translation>让这个时段再修改一个值</translation>
    </message>
    <message>
        <source>Remove this phase</source>
        <translation>删除这个时段</translation>
    </message>
</context>
<context>
    <name>reslab::ui::PipelineEditor</name>
    <message>
        <source>Outermost first: a request passes the stages from top to bottom, then reaches the target service. Drag a card&apos;s grip to reorder.</source>
        <translation>最外层在最上：请求从上到下依次经过各个阶段，再到达目标服务。拖动卡片的把手可调整顺序。</translation>
    </message>
    <message>
        <source>↳ then the target service: %1</source>
        <translation>↳ 然后是目标服务：%1</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Insert a stage after the selected card (or at the end)</source>
        <translation>在选中的卡片之后（或在末尾）插入一个阶段</translation>
    </message>
    <message>
        <source>No stages: every request goes straight to the target service. Add a stage below.</source>
        <translation>没有阶段：每个请求都直接到达目标服务。请在下方添加阶段。</translation>
    </message>
    <message>
        <source>↳ then the called service: %1</source>
        <translation>↳ 然后到达被调服务：%1</translation>
    </message>
</context>
<context>
    <name>reslab::ui::QueueChart</name>
    <message>
        <source>Target service “%1”</source>
        <translation>目标服务“%1”</translation>
    </message>
    <message>
        <source>Target service</source>
        <translation>目标服务</translation>
    </message>
    <message>
        <source>queue (requests)</source>
        <translation>队列（请求数）</translation>
    </message>
    <message>
        <source>in service (mean)</source>
        <translation>处理中（均值）</translation>
    </message>
    <message>
        <source>utilisation (0–1)</source>
        <translation>利用率 (0–1)</translation>
    </message>
    <message>
        <source>queue length</source>
        <translation>队列长度</translation>
    </message>
    <message>
        <source>utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>queue length: %1 (at the bucket&apos;s end)
utilisation: %2
in flight: %3</source>
        <translation>队列长度：%1（时间桶结束时）
利用率：%2
在途：%3</translation>
    </message>
</context>
<context>
    <name>reslab::ui::RetryTimeline</name>
    <message>
        <source>showing 1 in %1 requests, and failing ones</source>
        <translation>每 %1 个请求显示 1 个，以及失败的请求</translation>
    </message>
    <message>
        <source>Retry timeline</source>
        <translation>重试时间线</translation>
    </message>
    <message>
        <source>no request has reached the service yet</source>
        <translation>还没有请求到达服务</translation>
    </message>
    <message>
        <source>ms since each request started · newest on top</source>
        <translation>自各请求开始以来的 ms · 最新的在最上</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ScenarioDocument</name>
    <message>
        <source>There is no built-in scenario named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的内置场景。</translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation>未给出文件名。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ScenarioEditor</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>管道</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The scenario&apos;s title, shown in the window and in exports.</source>
        <translation>场景的标题，显示在窗口和导出文件中。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>What this scenario shows (optional)</source>
        <translation>这个场景演示什么（可选）</translation>
    </message>
    <message>
        <source>Free text: what the scenario is about.</source>
        <translation>自由文本：场景的内容。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>1 (default)</source>
        <translation>1（默认）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>poisson: random arrivals at a rate; constant: evenly spaced arrivals; closed: a fixed number of clients that wait for each answer; script: arrivals at listed times.</source>
        <translation>poisson：按速率随机到达；constant：等间隔到达；closed：固定数量的客户端，每个都等待应答；script：在列出的时间点到达。</translation>
    </message>
    <message>
        <source>poisson (open, random)</source>
        <translation>poisson（开放式，随机）</translation>
    </message>
    <message>
        <source>constant (open, even)</source>
        <translation>constant（开放式，等间隔）</translation>
    </message>
    <message>
        <source>closed (clients)</source>
        <translation>closed（闭环客户端）</translation>
    </message>
    <message>
        <source>script (listed times)</source>
        <translation>script（列出的时间点）</translation>
    </message>
    <message>
        <source>Arrival rate</source>
        <translation>到达速率</translation>
    </message>
    <message>
        <source>Think time</source>
        <translation>思考时间</translation>
    </message>
    <message>
        <source>How long each client waits between the end of one request and the start of the next.</source>
        <translation>每个客户端在一个请求结束后、下一个请求开始前等待的时间。</translation>
    </message>
    <message>
        <source>constant 0 ms (default)</source>
        <translation>常数 0 ms（默认）</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <source>0, 250, 1000 (ms)</source>
        <translation>0, 250, 1000（ms）</translation>
    </message>
    <message>
        <source>One request at each of these times, in milliseconds, separated by commas.</source>
        <translation>在每个时间点到达一个请求，单位毫秒，用逗号分隔。</translation>
    </message>
    <message>
        <source>Add service</source>
        <translation>添加服务</translation>
    </message>
    <message>
        <source>Add a virtual service (for a fallback to call, or a new target)</source>
        <translation>添加一个虚拟服务（供降级调用，或作为新的目标）</translation>
    </message>
    <message>
        <source>Remove this service</source>
        <translation>删除这个服务</translation>
    </message>
    <message>
        <source>Rename this service (the target and fallbacks follow)</source>
        <translation>重命名这个服务（目标和降级随之更新）</translation>
    </message>
    <message>
        <source>Not a service object.</source>
        <translation>不是服务对象。</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>How long a successful attempt takes (and a failed one, without a separate error latency).</source>
        <translation>一次成功尝试所用的时间（没有单独的错误延迟时，失败的尝试也用它）。</translation>
    </message>
    <message>
        <source>Separate latency for errors</source>
        <translation>错误使用单独的延迟</translation>
    </message>
    <message>
        <source>Failed attempts take their own time (e.g. fast errors).</source>
        <translation>失败的尝试使用自己的耗时（例如快速失败的错误）。</translation>
    </message>
    <message>
        <source>Error latency</source>
        <translation>错误延迟</translation>
    </message>
    <message>
        <source>How long a failed attempt takes.</source>
        <translation>一次失败尝试所用的时间。</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>失败率</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>Queue limit</source>
        <translation>队列上限</translation>
    </message>
    <message>
        <source>Latency per in-flight call</source>
        <translation>每个在途调用增加的延迟</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>ok, error, ok:250 … (optional)</source>
        <translation>ok, error, ok:250 …（可选）</translation>
    </message>
    <message>
        <source>Outcomes of the successive attempts, overriding the random draws: ok, error, ok:MS or error:MS, separated by commas.</source>
        <translation>依次各次尝试的结果，取代随机抽样：ok、error、ok:MS 或 error:MS，用逗号分隔。</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 个服务</numerusform>
        </translation>
    </message>
    <message>
        <source>Target service</source>
        <translation>目标服务</translation>
    </message>
    <message>
        <source>The service the pipeline calls (its innermost stage calls it).</source>
        <translation>管道调用的服务（由最内层的阶段调用）。</translation>
    </message>
    <message>
        <source>a service needs a name</source>
        <translation>服务需要一个名称</translation>
    </message>
    <message>
        <source>a service name cannot contain [ or ]</source>
        <translation>服务名称不能包含 [ 或 ]</translation>
    </message>
    <message>
        <source>there is already a service named &quot;%1&quot;</source>
        <translation>已经有一个名为“%1”的服务</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>调用 %1</translation>
    </message>
    <message>
        <source>Remove this call</source>
        <translation>删除这个调用</translation>
    </message>
    <message>
        <source>To service</source>
        <translation>被调服务</translation>
    </message>
    <message>
        <source>The service this call goes to.</source>
        <translation>这个调用发往的服务。</translation>
    </message>
    <message>
        <source>Add call</source>
        <translation>添加调用</translation>
    </message>
    <message>
        <source>Let this service call another one after its own work (a version-2 service graph)</source>
        <translation>让这个服务在完成自身工作后调用另一个服务（版本 2 的服务图）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::StageCard</name>
    <message>
        <source>Move up (outwards)</source>
        <translation>上移（向外）</translation>
    </message>
    <message>
        <source>Move down (inwards)</source>
        <translation>下移（向内）</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>This entry is not a stage object; remove it or fix the file.</source>
        <translation>这一项不是阶段对象；请删除它或修正文件。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The stage&apos;s name in events.csv and the views; empty: the type, or type#index when the type repeats.</source>
        <translation>阶段在 events.csv 和各视图中的名称；留空：使用类型名，类型重复时为 type#index。</translation>
    </message>
    <message>
        <source>Unknown stage type: choose one of %1.</source>
        <translation>未知的阶段类型：请从 %1 中选择。</translation>
    </message>
    <message>
        <source>Disabled: calls pass straight through this stage.</source>
        <translation>已停用：调用直接穿过这个阶段。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Switching policy replaces the policy&apos;s own keys with the new policy&apos;s defaults.</source>
        <translation>切换策略时，原策略特有的键会换成新策略的默认值。</translation>
    </message>
    <message>
        <source>consecutive (the design notes&apos;)</source>
        <translation>consecutive（设计笔记中的连续失败熔断器）</translation>
    </message>
    <message>
        <source>resilience4j</source>
        <translation>resilience4j</translation>
    </message>
    <message>
        <source>Polly v8</source>
        <translation>Polly v8</translation>
    </message>
    <message>
        <source>&lt;b&gt;resilience4j CircuitBreakerConfig&lt;/b&gt; — the library&apos;s option names and defaults; thresholds are checked after every call, nothing trips before minimumNumberOfCalls.</source>
        <translation>&lt;b&gt;resilience4j CircuitBreakerConfig&lt;/b&gt; — 使用该库的选项名和默认值；每次调用后检查阈值，调用数达到 minimumNumberOfCalls 之前不会触发熔断。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Polly v8 CircuitBreakerStrategyOptions&lt;/b&gt; — the library&apos;s names and defaults; breaks only on a failure; one probe call in half-open.</source>
        <translation>&lt;b&gt;Polly v8 CircuitBreakerStrategyOptions&lt;/b&gt; — 使用该库的名称和默认值；只在失败时熔断；半开时只发一个探测请求。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consecutive failures&lt;/b&gt; (the design notes&apos; breaker): opens after N failures in a row, probes after the reset timeout.</source>
        <translation>&lt;b&gt;连续失败&lt;/b&gt;（设计笔记中的熔断器）：连续 N 次失败后打开，重置超时之后发出探测请求。</translation>
    </message>
    <message>
        <source>count (COUNT_BASED)</source>
        <translation>计数（COUNT_BASED）</translation>
    </message>
    <message>
        <source>time (TIME_BASED)</source>
        <translation>时间（TIME_BASED）</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Record as failures (record)</source>
        <translation>记为失败（record）</translation>
    </message>
    <message>
        <source>Outcomes of the inner stages that count as failures for this breaker.</source>
        <translation>内层阶段的哪些结果对这个熔断器算作失败。</translation>
    </message>
    <message>
        <source>Retry on (retry_on)</source>
        <translation>重试条件（retry_on）</translation>
    </message>
    <message>
        <source>Outcomes that are retried; circuit_open only if listed.</source>
        <translation>会被重试的结果；circuit_open 只有列出时才重试。</translation>
    </message>
    <message>
        <source>Retry budget (Finagle RetryBudget)</source>
        <translation>重试预算（Finagle RetryBudget）</translation>
    </message>
    <message>
        <source>A token bucket on retries: retries may add at most `ratio` of the recent requests, plus a small reserve, so they cannot multiply the load without bound.</source>
        <translation>重试的令牌桶：重试最多只能增加近期请求数的 `ratio` 比例，外加少量保底额度，因此不会无限放大负载。</translation>
    </message>
    <message>
        <source>Off: retries are limited only by max retries.</source>
        <translation>关闭：重试只受最大重试次数限制。</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>static (answer at once)</source>
        <translation>static（立即应答）</translation>
    </message>
    <message>
        <source>cache (last good answer)</source>
        <translation>cache（最近一次成功的应答）</translation>
    </message>
    <message>
        <source>service (another service)</source>
        <translation>service（另一个服务）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>The virtual service that gives the degraded answer (it may fail too).</source>
        <translation>给出降级应答的虚拟服务（它也可能失败）。</translation>
    </message>
    <message>
        <source>Answers at once with a static value.</source>
        <translation>立即以静态值应答。</translation>
    </message>
    <message>
        <source>Handle (handle)</source>
        <translation>处理的结果（handle）</translation>
    </message>
    <message>
        <source>Failure outcomes this fallback replaces.</source>
        <translation>这个降级替代哪些失败结果。</translation>
    </message>
    <message>
        <source>Failure outcomes after which a hedged attempt starts at once; any other answer wins.</source>
        <translation>出现这些失败结果时立即发起一次对冲尝试；其他任何应答都直接胜出。</translation>
    </message>
</context>
<context>
    <name>reslab::ui::StageHeader</name>
    <message>
        <source>Enabled: a disabled stage is skipped (writes &quot;enabled&quot;: false)</source>
        <translation>启用：停用的阶段会被跳过（写入 &quot;enabled&quot;: false）</translation>
    </message>
    <message>
        <source>Move, duplicate or remove this stage</source>
        <translation>移动、复制或删除这个阶段</translation>
    </message>
    <message>
        <source>Remove this stage</source>
        <translation>删除这个阶段</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>disabled · %1</source>
        <translation>已停用 · %1</translation>
    </message>
    <message>
        <source>Stage name in events.csv: %1</source>
        <translation>events.csv 中的阶段名：%1</translation>
    </message>
</context>
<context>
    <name>reslab::ui::StagePicker</name>
    <message>
        <source>The pipeline has more than one stage of this kind: choose the one to show</source>
        <translation>管道中有不止一个这种阶段：选择要显示的那个</translation>
    </message>
</context>
<context>
    <name>reslab::ui::SummaryModel</name>
    <message>
        <source>requests that arrived</source>
        <translation>到达的请求</translation>
    </message>
    <message>
        <source>requests answered by the primary</source>
        <translation>由主服务应答的请求</translation>
    </message>
    <message>
        <source>success ÷ requests</source>
        <translation>成功 ÷ 请求</translation>
    </message>
    <message>
        <source>requests answered by a fallback</source>
        <translation>由降级应答的请求</translation>
    </message>
    <message>
        <source>fallback ÷ requests</source>
        <translation>降级 ÷ 请求</translation>
    </message>
    <message>
        <source>requests that failed, all causes</source>
        <translation>失败的请求（所有原因）</translation>
    </message>
    <message>
        <source>failed ÷ requests</source>
        <translation>失败 ÷ 请求</translation>
    </message>
    <message>
        <source>failed: the service answered with an error</source>
        <translation>失败：服务返回错误</translation>
    </message>
    <message>
        <source>failed: a timeout fired</source>
        <translation>失败：超时触发</translation>
    </message>
    <message>
        <source>failed: rejected by the breaker</source>
        <translation>失败：被熔断器拒绝</translation>
    </message>
    <message>
        <source>failed: the service&apos;s queue was full</source>
        <translation>失败：服务的队列已满</translation>
    </message>
    <message>
        <source>failed: rejected by a stage</source>
        <translation>失败：被某个阶段拒绝</translation>
    </message>
    <message>
        <source>failed: the fallback had nothing</source>
        <translation>失败：降级无可返回</translation>
    </message>
    <message>
        <source>requests still running now</source>
        <translation>目前仍在运行的请求</translation>
    </message>
    <message>
        <source>calls that reached a service</source>
        <translation>到达服务的调用</translation>
    </message>
    <message>
        <source>retry attempts (counted when they start)</source>
        <translation>重试次数（在开始时计数）</translation>
    </message>
    <message>
        <source>retries the retry budget refused</source>
        <translation>被重试预算拒绝的重试</translation>
    </message>
    <message>
        <source>attempts ÷ requests</source>
        <translation>尝试 ÷ 请求</translation>
    </message>
    <message>
        <source>mean latency of ended requests</source>
        <translation>已结束请求的平均延迟</translation>
    </message>
    <message>
        <source>median latency of ended requests</source>
        <translation>已结束请求的延迟中位数</translation>
    </message>
    <message>
        <source>90th percentile latency</source>
        <translation>第 90 百分位延迟</translation>
    </message>
    <message>
        <source>99th percentile latency</source>
        <translation>第 99 百分位延迟</translation>
    </message>
    <message>
        <source>99.9th percentile latency</source>
        <translation>第 99.9 百分位延迟</translation>
    </message>
    <message>
        <source>longest latency of an ended request</source>
        <translation>已结束请求中最长的延迟</translation>
    </message>
    <message>
        <source>state changes of every breaker</source>
        <translation>所有熔断器的状态转换次数</translation>
    </message>
    <message>
        <source>calls the breakers rejected</source>
        <translation>熔断器拒绝的调用</translation>
    </message>
    <message>
        <source>time the first breaker spent closed</source>
        <translation>第一个熔断器处于关闭状态的时间</translation>
    </message>
    <message>
        <source>time the first breaker spent open</source>
        <translation>第一个熔断器处于打开状态的时间</translation>
    </message>
    <message>
        <source>time the first breaker spent half-open</source>
        <translation>第一个熔断器处于半开状态的时间</translation>
    </message>
    <message>
        <source>engine events so far</source>
        <translation>到目前为止的引擎事件数</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>reslab::ui::SweepLineChart</name>
    <message>
        <source>goal met here</source>
        <translation>此处达到目标</translation>
    </message>
    <message>
        <source>mean across seeds</source>
        <translation>各种子的均值</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>meets the goal</source>
        <translation>达到目标</translation>
    </message>
    <message>
        <source>best setting</source>
        <translation>最佳设置</translation>
    </message>
</context>
<context>
    <name>reslab::ui::SweepWindow</name>
    <message>
        <source>Parameter sweep — %1</source>
        <translation>参数扫描 — %1</translation>
    </message>
    <message>
        <source>Choose one or two parameters and press Run.

One parameter draws a line chart, two a heat map.</source>
        <translation>选择一个或两个参数，然后点“运行”。

一个参数画折线图，两个参数画热力图。</translation>
    </message>
    <message>
        <source>Sweep a second parameter (heat map)</source>
        <translation>再扫描一个参数（热力图）</translation>
    </message>
    <message>
        <source>Runs and what to show</source>
        <translation>运行与显示内容</translation>
    </message>
    <message>
        <source>Each point runs on this many seeds (the scenario&apos;s seed, +1, …); the line shows their mean and the band their spread</source>
        <translation>每个点用这么多个种子运行（场景的种子、+1、……）；曲线显示它们的均值，色带显示其离散范围</translation>
    </message>
    <message>
        <source>Seeds per point</source>
        <translation>每点种子数</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>p99 &lt;= 500 ms and success &gt;= 99.5 %</source>
        <translation>p99 &lt;= 500 ms and success &gt;= 99.5 %</translation>
    </message>
    <message>
        <source>Clauses METRIC OP NUMBER [unit] joined by &quot;and&quot;: metrics success, fallback, failure, rejected, amplification, p50, p99, open, utilization; OP &lt;=, &gt;=, &lt;, &gt;; rates in % or as a fraction</source>
        <translation>由“and”连接的条件 METRIC OP NUMBER [unit]：指标为 success、fallback、failure、rejected、amplification、p50、p99、open、utilization；OP 为 &lt;=、&gt;=、&lt;、&gt;；比率用 % 或小数表示</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>Load best</source>
        <translation>载入最佳设置</translation>
    </message>
    <message>
        <source>Load the best setting into the main window (or click any point)</source>
        <translation>把最佳设置载入主窗口（也可点击任意一个点）</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>The chart or heat map as PNG, SVG or PDF</source>
        <translation>把图表或热力图导出为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Every run: the parameters, the seed and every metric (the columns of resilience-lab sweep)</source>
        <translation>每次运行的参数、种子和所有指标（与 resilience-lab sweep 的列相同）</translation>
    </message>
    <message>
        <source>Export sweep image</source>
        <translation>导出扫描图片</translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>图片 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export sweep results</source>
        <translation>导出扫描结果</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Parameter 1 (x axis)</source>
        <translation>参数 1（x 轴）</translation>
    </message>
    <message>
        <source>Parameter 2 (y axis)</source>
        <translation>参数 2（y 轴）</translation>
    </message>
    <message>
        <source>(a path of your own)</source>
        <translation>（自定义路径）</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON 路径</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>从 / 到</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Steps, spacing</source>
        <translation>步数、间隔方式</translation>
    </message>
    <message>
        <source>Not a catalogued parameter: values are set as typed, in the scenario&apos;s own units.</source>
        <translation>不是已登记的参数：按输入原样设置，使用场景自己的单位。</translation>
    </message>
    <message>
        <source>Now %1%2 · valid %3%4</source>
        <translation>当前 %1%2 · 有效范围 %3%4</translation>
    </message>
    <message>
        <source> (in the file: ÷ %1)</source>
        <translation>（文件中：÷ %1）</translation>
    </message>
    <message>
        <source>Parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <source>%1: choose a parameter or type its JSON path</source>
        <translation>%1：请选择一个参数或输入它的 JSON 路径</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a scenario path (dotted keys, [i] for list items)</source>
        <translation>%1：“%2”不是场景路径（用点分隔的键，列表项用 [i]）</translation>
    </message>
    <message>
        <source>%1: a sweep needs at least 2 steps</source>
        <translation>%1：扫描至少需要 2 步</translation>
    </message>
    <message>
        <source>%1: log spacing needs from and to above 0</source>
        <translation>%1：对数间隔要求起止值都大于 0</translation>
    </message>
    <message>
        <source>Both parameters are %1: choose two different ones</source>
        <translation>两个参数都是 %1：请选择两个不同的参数</translation>
    </message>
    <message>
        <source>%1 runs are too many (at most %2): use fewer steps or seeds</source>
        <translation>%1 次运行太多（最多 %2 次）：请减少步数或种子数</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
    <message>
        <source>Cannot run this sweep:</source>
        <translation>无法运行这次扫描：</translation>
    </message>
    <message>
        <source>%v / %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <source>Running %1 runs on %2 threads…</source>
        <translation>正在用 %2 个线程运行 %1 次…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 runs (%3 s). Finished runs are cached: Run again continues where this one stopped.</source>
        <translation>在 %2 次运行中完成 %1 次后取消（%3 s）。已完成的运行已缓存：再次运行会从这里继续。</translation>
    </message>
    <message>
        <source>%1 runs in %2 s on %3 threads (%4 simulated, %5 from the cache).</source>
        <translation>%1 次运行，用时 %2 s，%3 个线程（模拟 %4 次，%5 次来自缓存）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source> (mean; %1 – %2 over %3 seeds)</source>
        <translation>（均值；%3 个种子的范围 %1 – %2）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2e7d32&apos;&gt;meets the goal&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2e7d32&apos;&gt;达到目标&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;misses: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;未达到：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>best setting</source>
        <translation>最佳设置</translation>
    </message>
    <message>
        <source>click to load it into the main window</source>
        <translation>点击即可载入主窗口</translation>
    </message>
    <message>
        <source>mean of %1 seeds</source>
        <translation>%1 个种子的均值</translation>
    </message>
    <message>
        <source>one seed</source>
        <translation>一个种子</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>min–max over %1 seeds</source>
        <translation>%1 个种子的最小–最大值</translation>
    </message>
    <message>
        <source>The goal is not understood (see above): nothing is marked.</source>
        <translation>无法理解目标（见上方）：不做标记。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No setting meets the goal&lt;/b&gt; (%1 settings tried).</source>
        <translation>&lt;b&gt;没有设置达到目标&lt;/b&gt;（尝试了 %1 个设置）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Best %1&lt;/b&gt; (no goal set): </source>
        <translation>&lt;b&gt;%1 最佳&lt;/b&gt;（未设目标）：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Best setting&lt;/b&gt; (%1 of %2 meet the goal): </source>
        <translation>&lt;b&gt;最佳设置&lt;/b&gt;（%2 个中有 %1 个达到目标）：</translation>
    </message>
    <message>
        <source>Loaded setting %1 into the main window.</source>
        <translation>已把设置 %1 载入主窗口。</translation>
    </message>
    <message>
        <source>Run a sweep first: there is nothing to export.</source>
        <translation>请先运行扫描：没有可导出的内容。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 (the results are still here)</source>
        <translation>无法写入 %1：%2（结果仍在这里）</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>降级率</translation>
    </message>
    <message>
        <source>Failure (all causes)</source>
        <translation>失败率（所有原因）</translation>
    </message>
    <message>
        <source>Failure: error</source>
        <translation>失败：错误</translation>
    </message>
    <message>
        <source>Failure: timeout</source>
        <translation>失败：超时</translation>
    </message>
    <message>
        <source>Failure: circuit open</source>
        <translation>失败：熔断拒绝</translation>
    </message>
    <message>
        <source>Failure: overloaded</source>
        <translation>失败：过载</translation>
    </message>
    <message>
        <source>Failure: rejected</source>
        <translation>失败：被拒绝</translation>
    </message>
    <message>
        <source>Failure: fallback failed</source>
        <translation>失败：降级失败</translation>
    </message>
    <message>
        <source>Rejected by the breaker</source>
        <translation>被熔断器拒绝</translation>
    </message>
    <message>
        <source>Amplification (attempts per request)</source>
        <translation>放大倍数（每个请求的尝试数）</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50 延迟</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99 延迟</translation>
    </message>
    <message>
        <source>Time the breaker is open</source>
        <translation>熔断器打开的时间</translation>
    </message>
    <message>
        <source>Target service utilisation</source>
        <translation>目标服务利用率</translation>
    </message>
</context>
<context>
    <name>reslab::ui::ThroughputChart</name>
    <message>
        <source>Throughput by outcome</source>
        <translation>按结果划分的吞吐量</translation>
    </message>
    <message>
        <source>requests / s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1: %2 (%3 /s)</source>
        <translation>%1：%2（%3 /秒）</translation>
    </message>
</context>
<context>
    <name>reslab::ui::TimeChart</name>
    <message>
        <source>time (s)</source>
        <translation>时间 (s)</translation>
    </message>
    <message>
        <source>edit applied</source>
        <translation>修改生效</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(no closed bucket here)</source>
        <translation>（这里没有已结束的时间桶）</translation>
    </message>
    <message>
        <source>%1:
%2

%3:
%4</source>
        <translation>%1：
%2

%3：
%4</translation>
    </message>
    <message>
        <source>t = %1 – %2 s</source>
        <translation>t = %1 – %2 s</translation>
    </message>
    <message>
        <source>
edit applied at %1 s</source>
        <translation>
修改在 %1 s 时生效</translation>
    </message>
</context>
<context>
    <name>reslab::ui::TopologyView</name>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>%1 replicas</source>
        <translation>%1 个副本</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>%1/s · %2 % failed</source>
        <translation>%1/s · 失败 %2 %</translation>
    </message>
    <message>
        <source>Drag a service to move it; Shift-drag from one service to another to add a call; click an edge to show its stages in the other views.</source>
        <translation>拖动服务可移动它；按住 Shift 从一个服务拖到另一个服务可添加调用；点击调用边，其他视图会显示它的各个阶段。</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直连</translation>
    </message>
</context>
<context>
    <name>reslab::ui::TransportBar</name>
    <message>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <source>Play / pause in real time x speed (Space)</source>
        <translation>按实时 × 速度播放/暂停（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run exactly the next event (.)</source>
        <translation>只运行下一个事件（.）</translation>
    </message>
    <message>
        <source>Next transition</source>
        <translation>下一次转换</translation>
    </message>
    <message>
        <source>Run until the breaker changes state (N)</source>
        <translation>运行到熔断器状态改变为止（N）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the run again from t = 0 (R)</source>
        <translation>从 t = 0 重新开始运行（R）</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>运行到结束</translation>
    </message>
    <message>
        <source>Simulate the rest of the run as fast as possible (E)</source>
        <translation>尽快模拟完剩余的运行（E）</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Double the speed, roughly: 1-2-5 steps up to 1000x (])</source>
        <translation>速度大约加倍：按 1-2-5 的档位，最高 1000x（]）</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Halve the speed, roughly: 1-2-5 steps down to 0.1x ([)</source>
        <translation>速度大约减半：按 1-2-5 的档位，最低 0.1x（[）</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Virtual seconds per wall second, 0.1x to 1000x (log scale)</source>
        <translation>每个真实秒对应的模拟秒数，0.1x 到 1000x（对数刻度）</translation>
    </message>
    <message>
        <source>Simulated time / length of the run</source>
        <translation>模拟时间 / 运行长度</translation>
    </message>
    <message>
        <source>The engine cannot keep up with this speed: time runs slower than asked</source>
        <translation>引擎跟不上这个速度：时间比设定的走得慢</translation>
    </message>
    <message>
        <source> Seed </source>
        <translation> 种子 </translation>
    </message>
    <message>
        <source>The run is a pure function of (scenario, seed): change it to see other luck, keep it to compare configurations honestly</source>
        <translation>一次运行完全由（场景，种子）决定：换一个种子就换一种运气，保持不变才能公平地比较配置</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source> engine at its limit </source>
        <translation> 引擎已达极限 </translation>
    </message>
</context>
</TS>
